namespace ProgressTracker.Imaging;

/// <summary>
/// The recipe for every derivative. Blob keys include <see cref="Version"/>, so bumping it after any change
/// below makes the sweep regenerate derivatives instead of serving stale ones.
/// </summary>
/// <remarks>
/// Version 2: display and thumb are also written as WebP; the master's Huffman tables are no longer optimised.
/// </remarks>
public static class DerivativeSpec
{
    public const int Version = 2;
    public const int ThumbLongEdge = 320;
    public const int DisplayLongEdge = 1280;
    public const int JpegQuality = 85;
    public const int MasterJpegQuality = 92;

    /// <summary>
    /// Off: for a 12-megapixel master the second, table-optimising pass costs as much as the encode itself
    /// (≈ 40–70 ms on 2 cores, the largest single cost after decoding) to save about a tenth of its size; the
    /// display and thumb JPEGs, which are served all the time, keep optimised tables.
    /// </summary>
    public const bool MasterOptimizedHuffman = false;

    /// <summary>Lossy WebP quality (libwebp's default effort 4) for the display and thumb WebPs.</summary>
    public const int WebpQuality = 80;
}
