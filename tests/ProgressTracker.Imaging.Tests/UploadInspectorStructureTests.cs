using ImageMagick;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests;

public class UploadInspectorStructureTests
{
    private const string IncompleteJpeg = "The JPEG file is incomplete (it may have been cut off during transfer). Please upload it again.";
    private const string IncompletePng = "The PNG file is incomplete (it may have been cut off during transfer). Please upload it again.";
    private static readonly ImageLimits Defaults = new();

    private static InspectionResult Inspect(byte[] bytes) => UploadInspector.Inspect(new MemoryStream(bytes), Defaults);

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Rejects_a_cut_off_jpeg(double keep)
    {
        var jpeg = TestImages.Jpeg(300, 200);

        var result = Inspect(jpeg[..(int)(jpeg.Length * keep)]);

        Assert.Equal(InspectionResult.Reject(IncompleteJpeg, ImageFormatKind.Jpeg), result);
    }

    [Fact]
    public void Rejects_a_jpeg_cut_inside_its_header_segments()
    {
        var jpeg = ExifJpeg.WithThumbnail(TestImages.Jpeg(300, 200), TestImages.Jpeg(32, 24));

        Assert.Equal(IncompleteJpeg, Inspect(jpeg[..40]).RejectionReason);
    }

    [Fact]
    public void Thumbnail_end_marker_inside_exif_does_not_make_a_cut_off_jpeg_look_complete()
    {
        var jpeg = ExifJpeg.WithThumbnail(TestImages.Jpeg(300, 200), TestImages.Jpeg(32, 24));
        var afterThumbnail = ExifJpeg.EndOfThumbnail(jpeg);
        Assert.True(afterThumbnail < jpeg.Length / 2, "the thumbnail must sit in the half that is kept");

        Assert.Equal(IncompleteJpeg, Inspect(jpeg[..(jpeg.Length / 2)]).RejectionReason);
        // Even a cut exactly after the thumbnail's FF D9 (the last two bytes are then FF D9) is incomplete.
        Assert.Equal(IncompleteJpeg, Inspect(jpeg[..afterThumbnail]).RejectionReason);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01 })]             // segment length below 2
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x12, 0xFF, 0xD9 })] // scan before any frame header
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 })]                         // ends before any image data
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0x42, 0x42, 0x42 })] // garbage where a marker belongs
    public void Rejects_a_jpeg_whose_header_is_damaged(byte[] bytes)
    {
        Assert.Equal(InspectionResult.Reject("The file looks like a JPEG but its header is damaged.", ImageFormatKind.Jpeg), Inspect(bytes));
    }

    [Fact]
    public void Rejects_a_jpeg_whose_frame_header_claims_zero_width()
    {
        var jpeg = TestImages.Jpeg(64, 48);
        var sof = jpeg.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC0]);
        jpeg[sof + 7] = 0;
        jpeg[sof + 8] = 0;

        Assert.Equal("The file looks like a JPEG but its header is damaged.", Inspect(jpeg).RejectionReason);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.95)]
    public void Rejects_a_cut_off_png(double keep)
    {
        var png = TestImages.Png(300, 200);

        Assert.Equal(InspectionResult.Reject(IncompletePng, ImageFormatKind.Png), Inspect(png[..(int)(png.Length * keep)]));
    }

    [Fact]
    public void Rejects_a_png_missing_only_its_end_chunk()
    {
        Assert.Equal(IncompletePng, Inspect(ForgedFiles.Png(100, 100, withEnd: false)).RejectionReason);
    }

    [Fact]
    public void Rejects_a_png_without_picture_data()
    {
        var png = TestImages.Png(20, 20);
        var idat = png.AsSpan().IndexOf("IDAT"u8) - 4;
        var iend = png.AsSpan().IndexOf("IEND"u8) - 4;
        var withoutData = TestImages.Concat(png[..idat], png[iend..]);

        Assert.Equal("The PNG file contains no picture data. Please export the photo again.", Inspect(withoutData).RejectionReason);
    }

    [Fact]
    public void Rejects_a_png_whose_first_chunk_is_not_the_header()
    {
        var png = TestImages.Png(20, 20);
        png[12] = (byte)'X'; // "IHDR" becomes "XHDR"

        Assert.Equal("The file looks like a PNG but its header is damaged.", Inspect(png).RejectionReason);
    }

    [Fact]
    public void Rejects_a_cut_off_webp_from_its_riff_size()
    {
        var webp = TestImages.Encode(300, 200, MagickFormat.WebP);

        var result = Inspect(webp[..(webp.Length - 10)]);

        Assert.Equal("The WebP file is incomplete (it may have been cut off during transfer). Please upload it again.", result.RejectionReason);
    }

    [Fact]
    public void Heic_is_recognised_from_its_brand_even_though_this_build_cannot_encode_one()
    {
        // Magick.NET here decodes HEIC but has no HEVC encoder, so a hand-built 'ftyp' box stands in.
        var result = Inspect(ForgedFiles.Ftyp("heic", "mif1", "heic"));

        Assert.Equal(InspectionResult.Reject("The file looks like an HEIC but its header is damaged.", ImageFormatKind.Heic), result);
    }

    [Fact]
    public void Rejects_an_avif_with_a_damaged_body()
    {
        var avif = TestImages.Encode(64, 48, MagickFormat.Avif);
        var damaged = TestImages.Concat(avif[..32], TestImages.Noise(avif.Length - 32));

        var result = Inspect(damaged);

        Assert.Equal(InspectionResult.Reject("The file looks like an AVIF but its header is damaged.", ImageFormatKind.Avif), result);
    }
}
