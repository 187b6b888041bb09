using System.Diagnostics;
using System.Text;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests;

public class UploadInspectorRejectTests
{
    private const string Accepted = "HEIC, JPEG, PNG, WebP, AVIF and TIFF are accepted; ";
    private static readonly ImageLimits Defaults = new();

    public static TheoryData<string, byte[], string> ForeignFiles => new()
    {
        { "pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), Accepted + "this file is a PDF." },
        { "gif", TestImages.Encode(8, 8, ImageMagick.MagickFormat.Gif), Accepted + "this file is a GIF image." },
        { "bmp", TestImages.Encode(8, 8, ImageMagick.MagickFormat.Bmp), Accepted + "this file is a BMP image." },
        { "zip", TestImages.Concat("PK\x03\x04"u8.ToArray(), TestImages.Noise(60)), Accepted + "this file is a ZIP archive (for example a Word document)." },
        { "text", Encoding.UTF8.GetBytes("Patient notes: sessions 1–3, réévaluation.\r\n"), Accepted + "this file is a text document or web page." },
        { "html", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>photo</body></html>"), Accepted + "this file is a text document or web page." },
        { "mp4", ForgedFiles.Ftyp("isom", "isom", "iso2", "avc1", "mp41"), Accepted + "this file is a video (MP4 or MOV)." },
        { "mov", ForgedFiles.Ftyp("qt  ", "qt  "), Accepted + "this file is a video (MP4 or MOV)." },
        { "old mov", TestImages.Concat([0, 0, 0, 8], "wide"u8.ToArray(), TestImages.Noise(40)), Accepted + "this file is a video (MP4 or MOV)." },
        { "noise", TestImages.Noise(500), Accepted + "this file is not a recognised image." },
        { "one byte", [0xFF], Accepted + "this file is not a recognised image." },
    };

    [Theory]
    [MemberData(nameof(ForeignFiles))]
    public void Names_what_a_foreign_file_is(string name, byte[] bytes, string reason)
    {
        var result = UploadInspector.Inspect(new MemoryStream(bytes), Defaults);

        Assert.False(result.Accepted, name);
        Assert.Null(result.Format);
        Assert.Equal(reason, result.RejectionReason);
    }

    [Fact]
    public void Rejects_an_empty_file()
    {
        var result = UploadInspector.Inspect(new MemoryStream(), Defaults);

        Assert.Equal(InspectionResult.Reject("The file is empty."), result);
    }

    [Fact]
    public void Rejects_a_file_over_the_byte_limit_before_looking_inside()
    {
        var bytes = TestImages.Jpeg(256, 256);
        var limits = new ImageLimits(MaxBytes: 1024);

        var result = UploadInspector.Inspect(new MemoryStream(bytes), limits);

        Assert.False(result.Accepted);
        Assert.Null(result.Format);
        Assert.Matches(@"^This file is [0-9.]+ KB; the limit is 1 KB\.$", result.RejectionReason);
    }

    [Theory]
    [InlineData(30_000, 30_000, "This image is 30000 × 30000 pixels (900 megapixels); the limit is 100 megapixels.")]
    [InlineData(65_535, 2, "This image is 65535 × 2 pixels (0.13 megapixels); the limit is 0.1 megapixels.")]
    public void Rejects_a_forged_png_header_without_decoding(int width, int height, string expectedStart)
    {
        var bytes = ForgedFiles.Png(width, height);
        var limits = width == 65_535 ? new ImageLimits(MaxPixels: 100_000) : Defaults;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var result = UploadInspector.Inspect(new MemoryStream(bytes), limits);

        Assert.False(result.Accepted);
        Assert.Equal(ImageFormatKind.Png, result.Format);
        Assert.StartsWith(expectedStart, result.RejectionReason);
        Assert.True(clock.ElapsedMilliseconds < 1000, $"took {clock.ElapsedMilliseconds} ms");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 1_000_000, "allocated a pixel buffer");
    }

    [Fact]
    public void Rejects_a_forged_tiff_header_via_ping_without_decoding()
    {
        // 20000 × 20000 × 8 bit would be 400 MB decoded; the file is a few hundred bytes.
        var bytes = ForgedFiles.Tiff(20_000, 20_000);
        var clock = Stopwatch.StartNew();

        var result = UploadInspector.Inspect(new MemoryStream(bytes), Defaults);

        Assert.Equal(ImageFormatKind.Tiff, result.Format);
        Assert.Equal("This image is 20000 × 20000 pixels (400 megapixels); the limit is 100 megapixels. " +
                     "Please export it at a smaller size.", result.RejectionReason);
        Assert.True(clock.ElapsedMilliseconds < 2000, $"took {clock.ElapsedMilliseconds} ms");
    }
}
