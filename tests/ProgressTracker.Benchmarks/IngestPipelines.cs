using ProgressTracker.Imaging;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// Our ingest, as the benchmark runs it: from the original's bytes in memory to encoded derivatives in memory.
/// Each returns the total size of what it encoded, so nothing can be optimised away.
/// </summary>
public static class IngestPipelines
{
    private static readonly ImageLimits Limits = new();

    /// <summary>
    /// Exactly the peer's work: upright, sRGB, metadata-free 1280 px JPEG q85, 320 px JPEG q85 and 320 px WebP q80 —
    /// decoding a JPEG straight from the DCT at the smallest scale that still covers 1280 px, as sharp does.
    /// </summary>
    public static long SameWorkAsSharp(byte[] original, CancellationToken ct = default)
    {
        using var photo = PhotoNormalizer.NormalizeAtLeast(original, Limits, DerivativeSpec.DisplayLongEdge, ct);
        return DisplayAndThumbs(photo);
    }

    /// <summary>The same outputs from a full-resolution decode (what the ingest job decodes anyway, for the master).</summary>
    public static long SameWorkFromFullDecode(byte[] original, CancellationToken ct = default)
    {
        using var photo = PhotoNormalizer.Normalize(original, Limits, ct);
        return DisplayAndThumbs(photo);
    }

    /// <summary>What ProcessPhotoJob does: full decode, then the master and every derivative.</summary>
    public static long FullIngest(byte[] original, CancellationToken ct = default)
    {
        using var photo = PhotoNormalizer.Normalize(original, Limits, ct);
        var bundle = DerivativeRenderer.RenderAll(photo.Pixels, ct);
        return bundle.Master.LongLength + bundle.DisplayJpeg.Length + bundle.DisplayWebp.Length + bundle.ThumbJpeg.Length + bundle.ThumbWebp.Length;
    }

    /// <summary>The same as <see cref="FullIngest"/> with the master encoded first on the same thread (one core per photo).</summary>
    public static long FullIngestOnOneThread(byte[] original, CancellationToken ct = default)
    {
        using var photo = PhotoNormalizer.Normalize(original, Limits, ct);
        var bundle = DerivativeRenderer.RenderAll(photo.Pixels, ct, masterAlongside: false);
        return bundle.Master.LongLength + bundle.DisplayJpeg.Length + bundle.DisplayWebp.Length + bundle.ThumbJpeg.Length + bundle.ThumbWebp.Length;
    }

    private static long DisplayAndThumbs(NormalizedPhoto photo)
    {
        using var display = DerivativeRenderer.ResizeToLongEdge(photo.Pixels, DerivativeSpec.DisplayLongEdge);
        using var thumb = DerivativeRenderer.ResizeToLongEdge(display, DerivativeSpec.ThumbLongEdge);
        return DerivativeRenderer.EncodeJpeg(display, DerivativeSpec.JpegQuality).Length
               + DerivativeRenderer.EncodeJpeg(thumb, DerivativeSpec.JpegQuality).Length
               + DerivativeRenderer.EncodeWebp(thumb, DerivativeSpec.WebpQuality).Length;
    }
}
