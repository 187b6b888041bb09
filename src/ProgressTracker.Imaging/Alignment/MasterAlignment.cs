using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>A width and height in pixels.</summary>
public readonly record struct PixelSize(int Width, int Height);

/// <summary>The photo drawn onto its baseline's canvas, at display and thumb size, as JPEG (see <see cref="DerivativeSpec"/>).</summary>
#pragma warning disable CA1819 // Encoded files, handed over as they are to be stored.
public sealed record AlignedImages(byte[] DisplayJpeg, byte[] ThumbJpeg);
#pragma warning restore CA1819

/// <summary>An automatic alignment and the aligned images drawn with its matrix.</summary>
public sealed record AlignedPhoto(AlignmentResult Result, AlignedImages Images);

/// <summary>
/// Alignment at the library's edge: encoded masters (the upright sRGB JPEGs processing writes) in, a matrix, a verdict
/// and encoded aligned images out. Each master is decoded once per call, so a caller that aligns and renders in one
/// call pays for one decode of each.
/// </summary>
public static class MasterAlignment
{
    /// <summary>
    /// Registers the photo onto the baseline (see <see cref="PhotoAligner"/>) and renders the aligned images with the
    /// matrix found, whatever the verdict, so a result that needs review can be inspected.
    /// </summary>
    /// <exception cref="ArgumentException">A master cannot be decoded, or the aligner refuses it (too small, too narrow).</exception>
    public static AlignedPhoto AlignAndRender(byte[] baselineMaster, byte[] photoMaster, CancellationToken ct = default)
    {
        using var baseline = EncodedImage.Decode(baselineMaster, nameof(baselineMaster), "The baseline's processed image");
        using var photo = EncodedImage.Decode(photoMaster, nameof(photoMaster), "The photo's processed image");
        ct.ThrowIfCancellationRequested();
        var result = PhotoAligner.Align(baseline, photo, ct);
        return new AlignedPhoto(result, Render(photo, result.Matrix, baseline.Size(), ct));
    }

    /// <summary>Renders the aligned images of a photo for a given matrix (a manual alignment, or the baseline itself).</summary>
    /// <param name="photoMaster">The photo's encoded master.</param>
    /// <param name="matrix">Photo master pixels → baseline master pixels, <c>[a, b, tx, c, d, ty]</c>.</param>
    /// <param name="canvas">Size of the baseline's master; null for the photo's own size (a baseline on its own canvas).</param>
    /// <exception cref="ArgumentException">The master cannot be decoded, or the matrix is not an invertible 2×3 map.</exception>
    public static AlignedImages Render(byte[] photoMaster, double[] matrix, PixelSize? canvas = null, CancellationToken ct = default)
    {
        using var photo = EncodedImage.Decode(photoMaster, nameof(photoMaster), "The photo's processed image");
        return Render(photo, matrix, canvas is { } c ? new Size(c.Width, c.Height) : photo.Size(), ct);
    }

    private static AlignedImages Render(Mat photo, double[] matrix, Size canvas, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        byte[] display;
        using (var warped = AlignedRenderer.Render(photo, matrix, canvas, DerivativeSpec.DisplayLongEdge))
            display = DerivativeRenderer.EncodeJpeg(warped, DerivativeSpec.JpegQuality);
        ct.ThrowIfCancellationRequested();
        using var thumb = AlignedRenderer.Render(photo, matrix, canvas, DerivativeSpec.ThumbLongEdge);
        return new AlignedImages(display, DerivativeRenderer.EncodeJpeg(thumb, DerivativeSpec.JpegQuality));
    }
}
