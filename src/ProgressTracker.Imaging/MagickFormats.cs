using ImageMagick;

namespace ProgressTracker.Imaging;

/// <summary>
/// Maps sniffed kinds to ImageMagick coders. Naming the coder explicitly stops ImageMagick from
/// guessing the format itself, so only the coders we chose ever see an uploaded file.
/// </summary>
internal static class MagickFormats
{
    public static MagickFormat For(ImageFormatKind kind) => kind switch
    {
        ImageFormatKind.Jpeg => MagickFormat.Jpeg,
        ImageFormatKind.Png => MagickFormat.Png,
        ImageFormatKind.WebP => MagickFormat.WebP,
        ImageFormatKind.Heic => MagickFormat.Heic,
        ImageFormatKind.Avif => MagickFormat.Avif,
        ImageFormatKind.Tiff => MagickFormat.Tiff,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Read settings for one still image: the first frame/page only, with the coder fixed.</summary>
    public static MagickReadSettings ReadSettings(ImageFormatKind kind) =>
        new() { Format = For(kind), FrameIndex = 0, FrameCount = 1 };
}
