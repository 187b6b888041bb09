using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// A second first guess from ORB features and RANSAC, for scenes with texture to spare (the silhouette cue
/// assumes a body on a plain backdrop). On plain backdrops it usually finds too little and offers nothing; when it
/// does offer a guess, the pipeline refines both and keeps whichever fits better, so it can only help.
/// </summary>
internal static class FeatureInitializer
{
    private const int Features = 1500, MinInliers = 15;
    private const double Ratio = 0.75, MinInlierShare = 0.25;

    /// <summary>Photo → baseline similarity in these levels' pixels, or null when the features do not agree on one.</summary>
    public static double[]? Estimate(GreyLevel baseline, GreyLevel photo)
    {
        using var baseGrey = new Mat();
        using var photoGrey = new Mat();
        baseline.Grey.ConvertTo(baseGrey, MatType.CV_8UC1);
        photo.Grey.ConvertTo(photoGrey, MatType.CV_8UC1);
        using var orb = ORB.Create(Features);
        using var baseDescriptors = new Mat();
        using var photoDescriptors = new Mat();
        orb.DetectAndCompute(baseGrey, null, out var baseKeys, baseDescriptors);
        orb.DetectAndCompute(photoGrey, null, out var photoKeys, photoDescriptors);
        if (baseKeys.Length < MinInliers || photoKeys.Length < MinInliers) return null;

        using var matcher = new BFMatcher(NormTypes.Hamming);
        var good = matcher.KnnMatch(photoDescriptors, baseDescriptors, 2)
            .Where(m => m.Length == 2 && m[0].Distance < Ratio * m[1].Distance).Select(m => m[0]).ToList();
        if (good.Count < MinInliers) return null;

        using var from = Mat.FromArray(good.Select(m => new Point2d(photoKeys[m.QueryIdx].Pt.X, photoKeys[m.QueryIdx].Pt.Y)).ToArray());
        using var to = Mat.FromArray(good.Select(m => new Point2d(baseKeys[m.TrainIdx].Pt.X, baseKeys[m.TrainIdx].Pt.Y)).ToArray());
        using var inliers = new Mat();
        using var model = Cv2.EstimateAffinePartial2D(from, to, inliers, RobustEstimationAlgorithms.RANSAC, 2, 2000, 0.99, 10);
        if (model is null || model.Empty()) return null;
        var kept = Cv2.CountNonZero(inliers);
        return kept >= MinInliers && kept >= MinInlierShare * good.Count ? Affine.FromMat(model) : null;
    }
}
