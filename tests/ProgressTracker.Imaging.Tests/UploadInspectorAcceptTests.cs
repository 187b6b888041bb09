using ImageMagick;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests;

public class UploadInspectorAcceptTests
{
    private static readonly ImageLimits Defaults = new();

    public static TheoryData<MagickFormat, ImageFormatKind, int, int> EncodableFormats => new()
    {
        { MagickFormat.Jpeg, ImageFormatKind.Jpeg, 64, 48 },
        { MagickFormat.Jpeg, ImageFormatKind.Jpeg, 33, 97 },
        { MagickFormat.Png, ImageFormatKind.Png, 64, 48 },
        { MagickFormat.Png, ImageFormatKind.Png, 1, 1 },
        { MagickFormat.WebP, ImageFormatKind.WebP, 64, 48 },
        { MagickFormat.Tiff, ImageFormatKind.Tiff, 64, 48 },
        { MagickFormat.Avif, ImageFormatKind.Avif, 64, 48 },
    };

    [Theory]
    [MemberData(nameof(EncodableFormats))]
    public void Accepts_real_images_with_header_dimensions(MagickFormat encodeAs, ImageFormatKind expected, int width, int height)
    {
        var bytes = TestImages.Encode(width, height, encodeAs);

        var result = UploadInspector.Inspect(new MemoryStream(bytes), Defaults);

        Assert.Equal(InspectionResult.Ok(expected, width, height), result);
    }

    [Fact]
    public void Accepts_big_endian_tiff()
    {
        using var image = TestImages.Gradient(40, 30);
        image.Settings.SetDefine(MagickFormat.Tiff, "endian", "msb");
        var bytes = image.ToByteArray(MagickFormat.Tiff);
        Assert.Equal("MM"u8.ToArray(), bytes[..2]);

        var result = UploadInspector.Inspect(new MemoryStream(bytes), Defaults);

        Assert.Equal(InspectionResult.Ok(ImageFormatKind.Tiff, 40, 30), result);
    }

    [Fact]
    public void Accepts_progressive_jpeg()
    {
        using var image = TestImages.Gradient(120, 90);
        image.Settings.Interlace = Interlace.Jpeg;
        var bytes = image.ToByteArray(MagickFormat.Jpeg);

        var result = UploadInspector.Inspect(new MemoryStream(bytes), Defaults);

        Assert.Equal(InspectionResult.Ok(ImageFormatKind.Jpeg, 120, 90), result);
    }

    [Fact]
    public void Accepts_jpeg_with_exif_thumbnail_and_reports_the_main_image_size()
    {
        var bytes = ExifJpeg.WithThumbnail(TestImages.Jpeg(200, 150), TestImages.Jpeg(16, 12));

        var result = UploadInspector.Inspect(new MemoryStream(bytes), Defaults);

        Assert.Equal(InspectionResult.Ok(ImageFormatKind.Jpeg, 200, 150), result);
    }

    [Fact]
    public void Accepts_jpeg_with_data_after_the_end_marker()
    {
        // Some phones append a second (depth or preview) image after the main image's EOI.
        var bytes = TestImages.Concat(TestImages.Jpeg(64, 48), TestImages.Jpeg(8, 8));

        var result = UploadInspector.Inspect(new MemoryStream(bytes), Defaults);

        Assert.Equal(InspectionResult.Ok(ImageFormatKind.Jpeg, 64, 48), result);
    }

    [Fact]
    public void Reads_a_file_stream_from_the_start_and_restores_its_position()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, TestImages.Png(70, 20));
            using var stream = File.OpenRead(path);
            stream.Position = 17;

            var result = UploadInspector.Inspect(stream, Defaults);

            Assert.Equal(InspectionResult.Ok(ImageFormatKind.Png, 70, 20), result);
            Assert.Equal(17, stream.Position); // the caller goes on to store the stream

        }
        finally
        {
            File.Delete(path);
        }
    }
}
