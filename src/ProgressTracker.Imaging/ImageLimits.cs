namespace ProgressTracker.Imaging;

/// <summary>
/// Upper bounds for an uploaded photo. Pixels are bounded separately from bytes because a small
/// compressed file can declare enormous dimensions (a decompression bomb).
/// </summary>
public sealed record ImageLimits(long MaxBytes = 50L * 1024 * 1024, long MaxPixels = 100_000_000);
