using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// The baseline-side weights: which pixels may steer the registration. The hip band's outline and shading change
/// with treatment, so it is weighted down; the frame's edge is left out because blur smears across it.
/// </summary>
internal static class RegionMasks
{
    /// <summary>
    /// Intensity weights over <paramref name="level"/>: 1 inside the body away from its outline (the backdrop may
    /// change, and with it the outline's contrast), <paramref name="bandWeight"/> in the hip band, 0 near the frame's
    /// edge and where the image is over-exposed.
    /// </summary>
    public static Mat InteriorWeights(Mat coarseMask, GreyLevel level, HipBand? band, double erodeFraction, double bandWeight)
    {
        using var mask = new Mat();
        Cv2.Resize(coarseMask, mask, level.Size, 0, 0, InterpolationFlags.Nearest);
        var radius = Math.Max(1, (int)Math.Round(erodeFraction * Math.Max(level.Size.Width, level.Size.Height)));
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(2 * radius + 1, 2 * radius + 1));
        Cv2.Erode(mask, mask, kernel, borderType: BorderTypes.Constant, borderValue: Scalar.All(0));
        var weights = new Mat();
        mask.ConvertTo(weights, MatType.CV_32FC1, 1 / 255.0);
        Cv2.Multiply(weights, level.Usable, weights);
        ScaleBand(weights, band, bandWeight);
        return weights;
    }

    /// <summary>The body grown past its outline (so the outline itself counts), without the frame's edge.</summary>
    public static Mat BodyWeights(Mat coarseMask, GreyLevel level, HipBand? band, double growFraction, double bandWeight)
    {
        using var mask = new Mat();
        Cv2.Resize(coarseMask, mask, level.Size, 0, 0, InterpolationFlags.Nearest);
        var radius = Math.Max(1, (int)Math.Round(growFraction * Math.Max(level.Size.Width, level.Size.Height)));
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(2 * radius + 1, 2 * radius + 1));
        Cv2.Dilate(mask, mask, kernel);
        var weights = new Mat();
        mask.ConvertTo(weights, MatType.CV_32FC1, 1 / 255.0);
        using var frame = FrameWeights(level.Size, null, growFraction, 1);
        Cv2.Multiply(weights, frame, weights);
        Cv2.Multiply(weights, level.Usable, weights);
        ScaleBand(weights, band, bandWeight);
        return weights;
    }

    /// <summary>
    /// Silhouette weights: the whole frame (the outline lies between body and backdrop) except a margin at the
    /// frame's edge, where a blurred mask cannot tell a body cut off by the frame from one that ends.
    /// </summary>
    public static Mat FrameWeights(Size size, HipBand? band, double marginFraction, double bandWeight)
    {
        var weights = new Mat(size, MatType.CV_32FC1, Scalar.All(0));
        var margin = Math.Max(1, (int)Math.Round(marginFraction * Math.Max(size.Width, size.Height)));
        using (var inner = new Mat(weights, new Rect(margin, margin, size.Width - 2 * margin, size.Height - 2 * margin)))
            inner.SetTo(Scalar.All(1));
        ScaleBand(weights, band, bandWeight);
        return weights;
    }

    /// <summary>Blurred silhouette as floats (0..255): a smooth landscape whose slopes guide the fit from far away.</summary>
    public static Mat Soft(Mat mask, double sigma)
    {
        var soft = new Mat();
        mask.ConvertTo(soft, MatType.CV_32FC1);
        Cv2.GaussianBlur(soft, soft, new Size(0, 0), sigma, sigma, BorderTypes.Reflect);
        return soft;
    }

    private static void ScaleBand(Mat weights, HipBand? band, double bandWeight)
    {
        if (band is not { } b) return;
        var (top, bottom) = b.Rows(weights.Height);
        if (bottom <= top) return;
        using var rows = weights.RowRange(top, bottom);
        rows.ConvertTo(rows, MatType.CV_32FC1, bandWeight);
    }
}
