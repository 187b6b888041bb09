using OpenCvSharp;

namespace ProgressTracker.Imaging;

/// <summary>A decoded photo: upright, sRGB, 8-bit BGR pixels and no metadata. Owns (and disposes) its pixels.</summary>
public sealed class NormalizedPhoto : IDisposable
{
    internal NormalizedPhoto(Mat pixels, ImageFormatKind sourceFormat, DateTimeOffset? capturedAt)
    {
        Pixels = pixels;
        SourceFormat = sourceFormat;
        CapturedAt = capturedAt;
    }

    /// <summary>CV_8UC3, BGR channel order, upright, sRGB.</summary>
    internal Mat Pixels { get; }

    public int Width => Pixels.Width;

    public int Height => Pixels.Height;

    public ImageFormatKind SourceFormat { get; }

    /// <summary>EXIF DateTimeOriginal (with OffsetTimeOriginal when present, otherwise taken as UTC); null if absent.</summary>
    public DateTimeOffset? CapturedAt { get; }

    public void Dispose() => Pixels.Dispose();
}
