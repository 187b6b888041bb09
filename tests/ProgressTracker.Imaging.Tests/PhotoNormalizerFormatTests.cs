using ImageMagick;

namespace ProgressTracker.Imaging.Tests;

public class PhotoNormalizerFormatTests
{
    [Theory]
    [InlineData(MagickFormat.Jpeg, ImageFormatKind.Jpeg, 6)]
    [InlineData(MagickFormat.Png, ImageFormatKind.Png, 0)]
    [InlineData(MagickFormat.WebP, ImageFormatKind.WebP, 8)]
    [InlineData(MagickFormat.Tiff, ImageFormatKind.Tiff, 0)]
    [InlineData(MagickFormat.Avif, ImageFormatKind.Avif, 8)]
    public void Decodes_every_encodable_format_to_bgr(MagickFormat encodeAs, ImageFormatKind expected, int tolerance)
    {
        using var source = new MagickImage(MagickColor.FromRgb(200, 120, 40), 48, 32);
        source.Quality = 95;

        using var photo = PhotoNormalizer.Normalize(source.ToByteArray(encodeAs), new ImageLimits());

        Assert.Equal(expected, photo.SourceFormat);
        Assert.Equal((48, 32), (photo.Width, photo.Height));
        Assert.Equal(OpenCvSharp.MatType.CV_8UC3, photo.Pixels.Type());
        Support.Pixels.AssertNear((200, 120, 40), Support.Pixels.Rgb(photo.Pixels, 24, 16), tolerance);
    }

    [Fact]
    public void Accepts_bytes_that_are_a_slice_of_a_larger_buffer()
    {
        var jpeg = Support.TestImages.Jpeg(40, 30);
        var padded = Support.TestImages.Concat(new byte[100], jpeg, new byte[50]);

        using var photo = PhotoNormalizer.Normalize(padded.AsMemory(100, jpeg.Length), new ImageLimits());

        Assert.Equal((40, 30), (photo.Width, photo.Height));
    }
}
