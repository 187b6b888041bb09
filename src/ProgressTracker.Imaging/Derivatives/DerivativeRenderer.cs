using OpenCvSharp;

namespace ProgressTracker.Imaging;

/// <summary>
/// Encodes derivatives from normalised pixels. Because every file is written from a bare pixel matrix it
/// carries no EXIF, XMP, ICC or GPS data: the JPEGs only the JFIF header OpenCV always writes, the WebPs
/// nothing but the image itself.
/// </summary>
public static class DerivativeRenderer
{
    /// <summary>
    /// Every derivative in one pass: the master from the pixels as they are, the display size shrunk from them,
    /// and the thumb shrunk from the display size (a quarter of the work of shrinking the full image again, and
    /// the same picture: both are area averages). Each size is encoded as JPEG and WebP from the one matrix. The
    /// master is encoded on a second thread meanwhile: the same CPU time, a photo ready sooner when it is alone.
    /// </summary>
    public static DerivativeBundle RenderAll(NormalizedPhoto photo, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return RenderAll(photo.Pixels, ct);
    }

    /// <inheritdoc cref="RenderAll(NormalizedPhoto, CancellationToken)"/>
    /// <param name="masterAlongside">False encodes the master first on this thread (the benchmarks' comparison).</param>
    internal static DerivativeBundle RenderAll(Mat bgr, CancellationToken ct = default, bool masterAlongside = true)
    {
        RequireBgr(bgr);
        Memory.NativeHeap.NoteUse();
        var master = masterAlongside
            ? Task.Run(() => EncodeJpeg(bgr, DerivativeSpec.MasterJpegQuality, DerivativeSpec.MasterOptimizedHuffman), CancellationToken.None)
            : Task.FromResult(EncodeJpeg(bgr, DerivativeSpec.MasterJpegQuality, DerivativeSpec.MasterOptimizedHuffman));
        try
        {
            ct.ThrowIfCancellationRequested();
            // Sizes come from the full image, so they match ResizeToJpeg/ResizeToWebp of the full image exactly.
            var displaySize = FitWithin(bgr.Size(), DerivativeSpec.DisplayLongEdge);
            var thumbSize = FitWithin(bgr.Size(), DerivativeSpec.ThumbLongEdge);
            using var display = Shrink(bgr, displaySize);
            var displayJpeg = EncodeJpeg(display.Mat, DerivativeSpec.JpegQuality);
            var displayWebp = EncodeWebp(display.Mat, DerivativeSpec.WebpQuality);
            ct.ThrowIfCancellationRequested();

            using var thumb = Shrink(display.Mat, thumbSize);
            var thumbJpeg = EncodeJpeg(thumb.Mat, DerivativeSpec.JpegQuality);
            var thumbWebp = EncodeWebp(thumb.Mat, DerivativeSpec.WebpQuality);
            return new DerivativeBundle(master.GetAwaiter().GetResult(), displayJpeg, displayWebp, thumbJpeg, thumbWebp);
        }
        finally
        {
            // The caller disposes the pixels once this returns: the master's encoder must be done reading them.
            ((IAsyncResult)master).AsyncWaitHandle.WaitOne();
        }
    }

    /// <summary>Shrinks so the long edge is at most <paramref name="longEdge"/> (never enlarges) and encodes JPEG.</summary>
    internal static byte[] ResizeToJpeg(Mat bgr, int longEdge, int quality)
    {
        RequireBgr(bgr);
        ArgumentOutOfRangeException.ThrowIfLessThan(longEdge, 1);
        using var resized = Shrink(bgr, FitWithin(bgr.Size(), longEdge));
        return EncodeJpeg(resized.Mat, quality);
    }

    /// <summary>Shrinks so the long edge is at most <paramref name="longEdge"/> (never enlarges) and encodes WebP.</summary>
    internal static byte[] ResizeToWebp(Mat bgr, int longEdge, int quality)
    {
        RequireBgr(bgr);
        ArgumentOutOfRangeException.ThrowIfLessThan(longEdge, 1);
        using var resized = Shrink(bgr, FitWithin(bgr.Size(), longEdge));
        return EncodeWebp(resized.Mat, quality);
    }

    /// <summary>
    /// A new matrix whose long edge is at most <paramref name="longEdge"/> (a copy when the image is small
    /// enough already), for callers that encode one size several ways. The caller disposes it.
    /// </summary>
    internal static Mat ResizeToLongEdge(Mat bgr, int longEdge)
    {
        RequireBgr(bgr);
        ArgumentOutOfRangeException.ThrowIfLessThan(longEdge, 1);
        using var resized = Shrink(bgr, FitWithin(bgr.Size(), longEdge));
        return resized.Owned ? resized.Release() : bgr.Clone();
    }

    /// <summary>JPEG of the whole matrix, with optimised Huffman tables.</summary>
    internal static byte[] EncodeJpeg(Mat bgr, int quality) => EncodeJpeg(bgr, quality, optimizedHuffman: true);

    /// <summary>
    /// JPEG of the whole matrix. Optimised Huffman tables take a second pass over the coded data: a few
    /// milliseconds for a display-size image, which they make several percent smaller, but as much as the
    /// plain encode itself for a 12-megapixel master (see <see cref="DerivativeSpec.MasterOptimizedHuffman"/>).
    /// </summary>
    internal static byte[] EncodeJpeg(Mat bgr, int quality, bool optimizedHuffman)
    {
        RequireBgr(bgr);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);

        var parameters = new[]
        {
            new ImageEncodingParam(ImwriteFlags.JpegQuality, quality),
            new ImageEncodingParam(ImwriteFlags.JpegOptimize, optimizedHuffman ? 1 : 0),
        };
        Cv2.ImEncode(".jpg", bgr, out var bytes, parameters);
        return bytes;
    }

    /// <summary>Lossy WebP at <paramref name="quality"/> (libwebp's default effort, as sharp's), no metadata chunks.</summary>
    internal static byte[] EncodeWebp(Mat bgr, int quality)
    {
        RequireBgr(bgr);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        if (Math.Max(bgr.Width, bgr.Height) > 16383)
            throw new ArgumentException("WebP images are at most 16383 pixels on a side.", nameof(bgr));

        Cv2.ImEncode(".webp", bgr, out var bytes, [new ImageEncodingParam(ImwriteFlags.WebPQuality, quality)]);
        return bytes;
    }

    /// <summary>The size that fits within <paramref name="longEdge"/>, never enlarged: every derivative's rule.</summary>
    internal static Size FitWithin(Size size, int longEdge)
    {
        var currentLong = Math.Max(size.Width, size.Height);
        if (currentLong <= longEdge) return size;
        var scale = (double)longEdge / currentLong;
        return new Size(Math.Max(1, (int)Math.Round(size.Width * scale)), Math.Max(1, (int)Math.Round(size.Height * scale)));
    }

    /// <summary>
    /// Area-averaging shrink (no moiré, unlike other filters when shrinking a lot). OpenCV averages exact 2 × 2
    /// blocks several times faster than it averages at an arbitrary ratio, so even-sized images are halved while
    /// the half is still no smaller than the target, and only the last step (less than 2 : 1) uses the general
    /// ratio: the same picture (PSNR about 50 dB against a single step) at about half the cost for 12 megapixels.
    /// </summary>
    private static Resized Shrink(Mat source, Size target)
    {
        var size = source.Size();
        if (target == size) return new Resized(source, owned: false);
        var current = source;
        var owned = false;
        try
        {
            while (size.Width % 2 == 0 && size.Height % 2 == 0 && size.Width / 2 >= target.Width && size.Height / 2 >= target.Height)
            {
                size = new Size(size.Width / 2, size.Height / 2);
                var half = new Mat();
                Cv2.Resize(current, half, size, 0, 0, InterpolationFlags.Area);
                if (owned) current.Dispose();
                (current, owned) = (half, true);
            }
            if (size == target) return new Resized(current, owned);

            var result = new Mat();
            Cv2.Resize(current, result, target, 0, 0, InterpolationFlags.Area);
            if (owned) current.Dispose();
            return new Resized(result, owned: true);
        }
        catch
        {
            if (owned) current.Dispose();
            throw;
        }
    }

    private static void RequireBgr(Mat bgr)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        if (bgr.Empty() || bgr.Type() != MatType.CV_8UC3)
            throw new ArgumentException("Expected a non-empty 8-bit, 3-channel BGR image.", nameof(bgr));
    }

    /// <summary>A matrix that is either borrowed (the caller's) or owned (disposed with this).</summary>
    private sealed class Resized(Mat mat, bool owned) : IDisposable
    {
        public Mat Mat { get; private set; } = mat;

        public bool Owned { get; private set; } = owned;

        public Mat Release()
        {
            Owned = false;
            return Mat;
        }

        public void Dispose()
        {
            if (Owned) Mat.Dispose();
        }
    }
}
