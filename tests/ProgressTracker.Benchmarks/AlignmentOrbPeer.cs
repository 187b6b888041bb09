using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// The peer: OpenCV ORB features, Lowe's ratio test and RANSAC similarity (EstimateAffinePartial2D) alone, on
/// grey images at up to 1280 px, mapped back to master pixels. It calls a result aligned when RANSAC keeps at
/// least 20 matches and at least 30 % of them — a common acceptance rule for feature registration.
/// </summary>
public static class AlignmentOrbPeer
{
    private const int WorkEdge = 1280, MinInliers = 20;
    private const double MinInlierShare = 0.3, Ratio = 0.75;

    public static AlignmentResult Align(Mat baseline, Mat photo)
    {
        var (baseGrey, toBase) = Grey(baseline);
        var (photoGrey, toPhoto) = Grey(photo);
        using (baseGrey)
        using (photoGrey)
        using (var orb = ORB.Create(4000))
        using (var baseDescriptors = new Mat())
        using (var photoDescriptors = new Mat())
        {
            orb.DetectAndCompute(baseGrey, null, out var baseKeys, baseDescriptors);
            orb.DetectAndCompute(photoGrey, null, out var photoKeys, photoDescriptors);
            if (baseKeys.Length < 3 || photoKeys.Length < 3) return Failed("too few ORB features");

            using var matcher = new BFMatcher(NormTypes.Hamming);
            var good = matcher.KnnMatch(photoDescriptors, baseDescriptors, 2)
                .Where(m => m.Length == 2 && m[0].Distance < Ratio * m[1].Distance).Select(m => m[0]).ToList();
            if (good.Count < 3) return Failed("too few ORB matches");

            var from = good.Select(m => new Point2d(photoKeys[m.QueryIdx].Pt.X, photoKeys[m.QueryIdx].Pt.Y)).ToArray();
            var to = good.Select(m => new Point2d(baseKeys[m.TrainIdx].Pt.X, baseKeys[m.TrainIdx].Pt.Y)).ToArray();
            using var fromMat = Mat.FromArray(from);
            using var toMat = Mat.FromArray(to);
            using var inliers = new Mat();
            using var model = Cv2.EstimateAffinePartial2D(fromMat, toMat, inliers, RobustEstimationAlgorithms.RANSAC, 3, 2000, 0.99, 10);
            if (model is null || model.Empty()) return Failed("RANSAC found no model");

            var kept = Cv2.CountNonZero(inliers);
            var share = (double)kept / good.Count;
            // Work pixels → master pixels on both sides.
            var matrix = toPhoto.Then(Affine.FromMat(model)).Then(Affine.Invert(toBase));
            var aligned = kept >= MinInliers && share >= MinInlierShare;
            return new AlignmentResult(matrix, Math.Round(share, 3), aligned ? AlignmentVerdict.Aligned : AlignmentVerdict.NeedsReview,
                "orb-ransac", aligned ? null : $"{kept} inliers ({share:P0})");
        }
    }

    private static AlignmentResult Failed(string why) => new([1, 0, 0, 0, 1, 0], 0, AlignmentVerdict.NeedsReview, "orb-ransac", why);

    /// <summary>Grey image at up to 1280 px and the master → work pixel map (cv::resize pixel centres).</summary>
    private static (Mat Grey, double[] ToWork) Grey(Mat bgr)
    {
        var factor = Math.Min(1.0, (double)WorkEdge / Math.Max(bgr.Width, bgr.Height));
        var size = new Size((int)Math.Round(bgr.Width * factor), (int)Math.Round(bgr.Height * factor));
        using var small = new Mat();
        if (size == bgr.Size()) bgr.CopyTo(small);
        else Cv2.Resize(bgr, small, size, 0, 0, InterpolationFlags.Area);
        var grey = new Mat();
        Cv2.CvtColor(small, grey, ColorConversionCodes.BGR2GRAY);
        double sx = (double)size.Width / bgr.Width, sy = (double)size.Height / bgr.Height;
        return (grey, [sx, 0, 0.5 * sx - 0.5, 0, sy, 0.5 * sy - 0.5]);
    }
}
