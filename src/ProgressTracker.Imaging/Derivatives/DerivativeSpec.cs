namespace ProgressTracker.Imaging;

/// <summary>
/// The recipe for every derivative. Blob keys include <see cref="Version"/>, so bumping it after any change
/// below makes the sweep regenerate derivatives instead of serving stale ones.
/// </summary>
/// <remarks>Version 2: display and thumb are also written as WebP.</remarks>
public static class DerivativeSpec
{
    public const int Version = 2;
    public const int ThumbLongEdge = 320;
    public const int DisplayLongEdge = 1280;
    public const int JpegQuality = 85;
    public const int MasterJpegQuality = 92;
    public const int WebpQuality = 80;
}
