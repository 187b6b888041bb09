using OpenCvSharp;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests;

/// <summary>A JPEG whose header claims far more pixels than its bytes could hold is refused before decoding.</summary>
public class UploadInspectorPlausibilityTests
{
    private static readonly ImageLimits Defaults = new();

    [Theory]
    [InlineData(8000, 6000)]
    [InlineData(10000, 10000)]
    [InlineData(4000, 3000)]
    public void Rejects_a_tiny_jpeg_whose_header_claims_many_megapixels(int width, int height)
    {
        var jpeg = WithFrameSize(TestImages.Jpeg(64, 48), width, height);

        var result = UploadInspector.Inspect(new MemoryStream(jpeg), Defaults);

        Assert.False(result.Accepted);
        Assert.StartsWith($"The JPEG header says {width} × {height} pixels, but the file holds only", result.RejectionReason);
    }

    [Theory]
    [InlineData(0)]   // black
    [InlineData(255)] // white
    public void Accepts_a_uniform_twelve_megapixel_jpeg(byte level)
    {
        using var flat = new Mat(3000, 4000, MatType.CV_8UC3, Scalar.All(level));
        var jpeg = flat.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));

        var result = UploadInspector.Inspect(new MemoryStream(jpeg), Defaults);

        Assert.True(result.Accepted, $"{jpeg.Length} bytes: {result.RejectionReason}");
    }

    /// <summary>Rewrites the baseline frame header (SOF0) so it claims another size; the data stays as it was.</summary>
    private static byte[] WithFrameSize(byte[] jpeg, int width, int height)
    {
        var copy = (byte[])jpeg.Clone();
        for (var i = 2; i < copy.Length - 9; i++)
        {
            if (copy[i] != 0xFF || copy[i + 1] != 0xC0) continue;
            copy[i + 5] = (byte)(height >> 8); copy[i + 6] = (byte)height;
            copy[i + 7] = (byte)(width >> 8); copy[i + 8] = (byte)width;
            return copy;
        }
        throw new InvalidOperationException("no SOF0 marker");
    }
}
