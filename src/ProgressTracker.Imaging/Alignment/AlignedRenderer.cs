using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// Renders the "aligned" derivative: the photo warped onto the baseline's canvas, at a display or thumbnail size,
/// so it overlays the baseline's derivative of the same size pixel for pixel.
/// </summary>
internal static class AlignedRenderer
{
    /// <summary>Fill for canvas the photo does not cover: neutral and dark, so it reads as "no picture here".</summary>
    public static readonly Scalar Border = new(32, 32, 32);

    /// <param name="photo">The photo's master, CV_8UC3 BGR.</param>
    /// <param name="matrix">Photo master pixels → baseline master pixels, <c>[a, b, tx, c, d, ty]</c>.</param>
    /// <param name="baselineSize">Size of the baseline's master: the canvas.</param>
    /// <param name="longEdge">Long edge of the result; the canvas is shrunk to it, never enlarged.</param>
    public static Mat Render(Mat photo, double[] matrix, Size baselineSize, int longEdge)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(matrix);
        if (photo.Empty() || photo.Type() != MatType.CV_8UC3)
            throw new ArgumentException($"Expected a non-empty 8-bit BGR image (CV_8UC3), got {photo.Type()}.", nameof(photo));
        if (matrix.Length != 6 || matrix.Any(v => !double.IsFinite(v)) || Math.Abs(matrix[0] * matrix[4] - matrix[1] * matrix[3]) < 1e-12)
            throw new ArgumentException("The matrix must be 6 finite numbers [a, b, tx, c, d, ty] of an invertible map.", nameof(matrix));
        ArgumentOutOfRangeException.ThrowIfLessThan(baselineSize.Width, 1, nameof(baselineSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(baselineSize.Height, 1, nameof(baselineSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(longEdge, 1);

        // The derivatives' own sizing rule, so the aligned image matches the baseline's display size.
        var output = DerivativeRenderer.FitWithin(baselineSize, longEdge);
        var toOutput = matrix.Then(Affine.ResizeMap(baselineSize, output));

        // Warping samples the photo at one point per output pixel; when that skips photo pixels, average them
        // first (area shrink) or a 12-megapixel photo turns into a noisy, aliased thumbnail.
        var scale = Affine.Scale(toOutput);
        using var shrunk = new Mat();
        var source = photo;
        if (scale < 0.75)
        {
            var size = new Size(Math.Max(1, (int)Math.Round(photo.Width * scale)), Math.Max(1, (int)Math.Round(photo.Height * scale)));
            Cv2.Resize(photo, shrunk, size, 0, 0, InterpolationFlags.Area);
            toOutput = Affine.Invert(Affine.ResizeMap(photo.Size(), size)).Then(toOutput);
            source = shrunk;
        }

        var result = new Mat();
        using var m = Affine.ToMat(toOutput);
        Cv2.WarpAffine(source, result, m, output, InterpolationFlags.Linear, BorderTypes.Constant, Border);
        return result;
    }
}
