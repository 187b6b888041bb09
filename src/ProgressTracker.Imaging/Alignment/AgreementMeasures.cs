using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>How well the aligned photo agrees with its baseline, measured where the comparison is fair.</summary>
/// <param name="SilhouetteIoU">Overlap of the two outlines outside the hip band, within both frames.</param>
/// <param name="Coverage">Share of the baseline's body that lies inside the photo's frame.</param>
/// <param name="Correlation">Intensity correlation inside the body, outside the hip band.</param>
/// <param name="Scale">Body size in the baseline over body size in the photo, each relative to its frame height.</param>
internal sealed record Agreement(double SilhouetteIoU, double Coverage, double Correlation, double Scale, double RotationDegrees);

/// <summary>Measures agreement after registration, on the coarse silhouettes and the final fit.</summary>
internal static class AgreementMeasures
{
    public static Agreement Measure(WorkingImage baseline, WorkingImage photo, Registration registration)
    {
        // Photo coarse pixels → baseline coarse pixels.
        var coarse = Affine.Invert(photo.Coarse.FromMaster).Then(registration.Matrix).Then(baseline.Coarse.FromMaster);
        var size = baseline.Mask.Size();
        using var m = Affine.ToMat(coarse);
        using var warped = new Mat();
        Cv2.WarpAffine(photo.Mask, warped, m, size, InterpolationFlags.Nearest, BorderTypes.Constant, new Scalar(0));
        using var frame = new Mat(photo.Mask.Size(), MatType.CV_8UC1, new Scalar(255));
        using var inFrame = new Mat();
        Cv2.WarpAffine(frame, inFrame, m, size, InterpolationFlags.Nearest, BorderTypes.Constant, new Scalar(0));

        using var fair = inFrame.Clone();
        if (registration.HipBand is { } band && band.Rows(size.Height) is var (from, to) && to > from)
        {
            using var rows = fair.RowRange(from, to);
            rows.SetTo(new Scalar(0));
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

        // Relative to the frame heights: a standing patient is framed by height, whatever the camera's resolution
        // or aspect ratio, so a landscape photo of the same framing is not "further away".
        var frames = (double)photo.MasterSize.Height / baseline.MasterSize.Height;
        return new Agreement(iou, coverage, registration.IntensityCorrelation,
            Affine.Scale(registration.Matrix) * frames, Affine.RotationDegrees(registration.Matrix));
    }
}
