using ImageMagick;

namespace ProgressTracker.Imaging.Normalization;

/// <summary>
/// Process-wide ImageMagick resource limits, the backstop behind the header pixel check: a file whose
/// header lies about its size fails with a cache error instead of exhausting memory or disk.
/// </summary>
internal static class MagickResourceGuard
{
    // No camera or scanner we accept produces a side longer than JPEG's own maximum.
    private const uint MaxSide = 65_535;

    // Room for the decoded image plus the copies made while orienting and converting colour.
    private const long WorkingCopies = 3;
    private const long BytesPerPixel = 4;

    private static readonly Lock Gate = new();
    private static long _appliedPixels;

    /// <summary>
    /// The limits are process-wide, so they only ever grow to the largest <see cref="ImageLimits.MaxPixels"/>
    /// seen: a caller with small limits must not make a concurrent caller with larger ones fail.
    /// </summary>
    public static void Apply(ImageLimits limits)
    {
        lock (Gate)
        {
            var pixels = Math.Max(1, limits.MaxPixels);
            if (pixels <= _appliedPixels) return;
            var budget = (ulong)pixels * BytesPerPixel * WorkingCopies;
            ResourceLimits.Width = MaxSide;
            ResourceLimits.Height = MaxSide;
            ResourceLimits.Area = (ulong)pixels;
            // Over Memory, the pixel cache spills to disk; over Disk as well, allocation fails.
            ResourceLimits.Memory = budget;
            ResourceLimits.Disk = budget;
            _appliedPixels = pixels;
        }
    }
}
