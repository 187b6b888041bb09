using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>How well the aligned photo agrees with its baseline, measured where the comparison is fair.</summary>
internal sealed record Agreement(double SilhouetteIoU, double Coverage, double Correlation, double Detail, double Scale, double RotationDegrees);

/// <summary>
/// Measures agreement after registration: silhouette overlap outside the hip band and inside both frames, how much
/// of the baseline's body the photo shows at all, the intensity correlation inside the body, and the pose change.
/// </summary>
internal static class AgreementMeasures
{
    /// <summary>
    /// Correlation of fine detail (difference of Gaussians) inside the body, outside the hip band. Smooth shading
    /// looks alike on any two bodies lit alike; the garment's edges, the navel and skin texture do not.
    /// </summary>
    private static double DetailCorrelation(WorkingImage baseline, WorkingImage photo, Registration registration)
    {
        var fine = Affine.Invert(photo.Fine.FromMaster).Then(registration.Matrix).Then(baseline.Fine.FromMaster);
        var size = baseline.Fine.Size;
        using var m = Affine.ToMat(fine);
        using var warped = new Mat();
        Cv2.WarpAffine(photo.Fine.Grey, warped, m, size, InterpolationFlags.Linear, BorderTypes.Replicate);
        using var valid = new Mat();
        Cv2.WarpAffine(photo.Fine.Usable, valid, m, size, InterpolationFlags.Nearest, BorderTypes.Constant, Scalar.All(0));
        using var weights = RegionMasks.InteriorWeights(baseline.Mask, baseline.Fine, registration.HipBand, 0.02, 0);
        Cv2.Multiply(weights, valid, weights);
        using var a = Detail(warped);
        using var b = Detail(baseline.Fine.Grey);
        return WeightedCorrelation(a, b, weights);
    }

    private static Mat Detail(Mat grey)
    {
        using var narrow = new Mat();
        var wide = new Mat();
        Cv2.GaussianBlur(grey, narrow, new Size(0, 0), 1.0);
        Cv2.GaussianBlur(grey, wide, new Size(0, 0), 4.0);
        Cv2.Subtract(narrow, wide, wide);
        return wide;
    }

    private static double WeightedCorrelation(Mat a, Mat b, Mat weights)
    {
        ReadOnlySpan<float> x = a.AsSpan<float>(), y = b.AsSpan<float>(), w = weights.AsSpan<float>();
        double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (var i = 0; i < w.Length; i++)
        {
            if (w[i] <= 0) continue;
            double wi = w[i], xi = x[i], yi = y[i];
            (n, sx, sy, sxx, syy, sxy) = (n + wi, sx + wi * xi, sy + wi * yi, sxx + wi * xi * xi, syy + wi * yi * yi, sxy + wi * xi * yi);
        }
        if (n <= 0) return 0;
        double vx = sxx / n - sx / n * (sx / n), vy = syy / n - sy / n * (sy / n), cov = sxy / n - sx / n * (sy / n);
        return vx <= 1e-9 || vy <= 1e-9 ? 0 : cov / Math.Sqrt(vx * vy);
    }

    public static Agreement Measure(WorkingImage baseline, WorkingImage photo, Registration registration)
    {
        // Photo coarse pixels → baseline coarse pixels.
        var coarse = Affine.Invert(photo.Coarse.FromMaster).Then(registration.Matrix).Then(baseline.Coarse.FromMaster);
        var size = baseline.Mask.Size();
        using var m = Affine.ToMat(coarse);
        using var warped = new Mat();
        Cv2.WarpAffine(photo.Mask, warped, m, size, InterpolationFlags.Nearest, BorderTypes.Constant, Scalar.All(0));
        using var frame = new Mat(photo.Mask.Size(), MatType.CV_8UC1, Scalar.All(255));
        using var inFrame = new Mat();
        Cv2.WarpAffine(frame, inFrame, m, size, InterpolationFlags.Nearest, BorderTypes.Constant, Scalar.All(0));
        using var fair = inFrame.Clone();
        if (registration.HipBand is { } band && band.Rows(size.Height) is var (from, to) && to > from)
        {
            using var rows = fair.RowRange(from, to);
            rows.SetTo(Scalar.All(0));
        }

        using var both = new Mat();
        using var either = new Mat();
        Cv2.BitwiseAnd(warped, baseline.Mask, both, fair);
        Cv2.BitwiseOr(warped, baseline.Mask, either, fair);
        var union = Cv2.CountNonZero(either);
        var iou = union == 0 ? 0 : (double)Cv2.CountNonZero(both) / union;

        using var seen = new Mat();
        Cv2.BitwiseAnd(baseline.Mask, inFrame, seen);
        var body = Cv2.CountNonZero(baseline.Mask);
        var coverage = body == 0 ? 0 : (double)Cv2.CountNonZero(seen) / body;

        // Scale relative to the frames, so a photo from a camera with more pixels is not "closer".
        var frameRatio = (double)Math.Max(photo.MasterSize.Width, photo.MasterSize.Height) /
                         Math.Max(baseline.MasterSize.Width, baseline.MasterSize.Height);
        return new Agreement(iou, coverage, registration.IntensityCorrelation, DetailCorrelation(baseline, photo, registration),
            Affine.Scale(registration.Matrix) * frameRatio, Affine.RotationDegrees(registration.Matrix));
    }
}
