using ImageMagick;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests;

public class PhotoNormalizerMetadataTests
{
    // ImageMagick does not write an EXIF profile into TIFF files, so TIFF is not in these tables.
    private static byte[] WithExif(Action<ExifProfile> fill, MagickFormat format = MagickFormat.Jpeg)
    {
        using var image = TestImages.Gradient(32, 24);
        var exif = new ExifProfile();
        fill(exif);
        image.SetProfile(exif);
        return image.ToByteArray(format);
    }

    [Fact]
    public void Capture_time_uses_the_recorded_offset()
    {
        var jpeg = WithExif(e =>
        {
            e.SetValue(ExifTag.DateTimeOriginal, "2024:03:05 14:22:10");
            e.SetValue(ExifTag.OffsetTimeOriginal, "+02:00");
        });

        using var photo = PhotoNormalizer.Normalize(jpeg, new ImageLimits());

        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 22, 10, TimeSpan.FromHours(2)), photo.CapturedAt);
        Assert.Equal(ImageFormatKind.Jpeg, photo.SourceFormat);
    }

    [Theory]
    [InlineData(MagickFormat.Jpeg)]
    [InlineData(MagickFormat.Png)]
    [InlineData(MagickFormat.WebP)]
    public void Capture_time_without_offset_is_taken_as_utc(MagickFormat format)
    {
        var bytes = WithExif(e => e.SetValue(ExifTag.DateTimeOriginal, "2023:11:30 08:05:00"), format);

        using var photo = PhotoNormalizer.Normalize(bytes, new ImageLimits());

        Assert.Equal(new DateTimeOffset(2023, 11, 30, 8, 5, 0, TimeSpan.Zero), photo.CapturedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0000:00:00 00:00:00")]
    [InlineData("    :  :     :  :  ")]
    [InlineData("yesterday")]
    public void Missing_or_unusable_capture_time_is_null(string value)
    {
        var jpeg = WithExif(e =>
        {
            e.SetValue(ExifTag.Make, "Test");
            if (value.Length > 0) e.SetValue(ExifTag.DateTimeOriginal, value);
        });

        using var photo = PhotoNormalizer.Normalize(jpeg, new ImageLimits());

        Assert.Null(photo.CapturedAt);
    }

    [Fact]
    public void Photo_without_any_exif_has_no_capture_time()
    {
        using var photo = PhotoNormalizer.Normalize(TestImages.Png(), new ImageLimits());

        Assert.Null(photo.CapturedAt);
        Assert.Equal(ImageFormatKind.Png, photo.SourceFormat);
    }
}
