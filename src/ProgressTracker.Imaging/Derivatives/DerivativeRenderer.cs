using OpenCvSharp;

namespace ProgressTracker.Imaging;

/// <summary>
/// Encodes derivatives from normalised pixels. Because the JPEG is written from a bare pixel matrix it
/// carries no EXIF, XMP, ICC or GPS data: only the JFIF header OpenCV always writes.
/// </summary>
public static class DerivativeRenderer
{
    /// <summary>Shrinks so the long edge is at most <paramref name="longEdge"/> (never enlarges) and encodes JPEG.</summary>
    public static byte[] ResizeToJpeg(Mat bgr, int longEdge, int quality)
    {
        RequireBgr(bgr);
        ArgumentOutOfRangeException.ThrowIfLessThan(longEdge, 1);

        var currentLong = Math.Max(bgr.Width, bgr.Height);
        if (currentLong <= longEdge) return EncodeJpeg(bgr, quality);

        var scale = (double)longEdge / currentLong;
        var size = new Size(
            Math.Max(1, (int)Math.Round(bgr.Width * scale)),
            Math.Max(1, (int)Math.Round(bgr.Height * scale)));
        using var resized = new Mat();
        // INTER_AREA averages source pixels, which avoids the moiré other filters give when shrinking a lot.
        Cv2.Resize(bgr, resized, size, 0, 0, InterpolationFlags.Area);
        return EncodeJpeg(resized, quality);
    }

    /// <summary>Full-size JPEG, used for the normalised master.</summary>
    public static byte[] EncodeJpeg(Mat bgr, int quality)
    {
        RequireBgr(bgr);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);

        var parameters = new[]
        {
            new ImageEncodingParam(ImwriteFlags.JpegQuality, quality),
            // Optimised Huffman tables cost a few milliseconds and save several percent of every file.
            new ImageEncodingParam(ImwriteFlags.JpegOptimize, 1),
        };
        Cv2.ImEncode(".jpg", bgr, out var bytes, parameters);
        return bytes;
    }

    private static void RequireBgr(Mat bgr)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        if (bgr.Empty() || bgr.Type() != MatType.CV_8UC3)
            throw new ArgumentException("Expected a non-empty 8-bit, 3-channel BGR image.", nameof(bgr));
    }
}
