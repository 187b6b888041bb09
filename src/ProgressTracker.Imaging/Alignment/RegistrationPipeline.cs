using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>What a registration found: the matrix (master pixels, photo → baseline) and what the scoring needs.</summary>
internal sealed record Registration(double[] Matrix, double IntensityCorrelation, HipBand? HipBand);

/// <summary>
/// Coarse to fine: width profiles give a first guess (and ORB features a second, when the scene has texture), the
/// blurred silhouettes pull it in, then the sub-pixel outline and the intensity inside the body are fitted
/// together, at the coarse level and then the fine one. The hip band is weighted down throughout. Each stage works
/// in its own level's pixels.
/// </summary>
internal static class RegistrationPipeline
{
    private const double InteriorErosion = 0.02; // of the long edge: keeps the outline (and its backdrop) out

    public static Registration Run(WorkingImage baseline, WorkingImage photo, RegistrationOptions options, CancellationToken ct)
    {
        var baseProfile = WidthProfile.Measure(baseline.Mask);
        var band = baseProfile.FindHipBand();
        var initial = ProfileMatcher.Estimate(baseProfile, WidthProfile.Measure(photo.Mask));
        ct.ThrowIfCancellationRequested();

        // Each first guess is refined at the coarse level; the one that ends up agreeing best goes on. The outline
        // stage serves the profile guess; a feature guess is already closer than the outline could bring it.
        var silhouette = Silhouettes(baseline.Mask, photo.Mask, band, initial, options, ct);
        var coarse = Joint(baseline, photo, baseline.Coarse, photo.Coarse, band, silhouette, options, 20, ct);
        if (FeatureInitializer.Estimate(baseline.Fine, photo.Fine) is { } features)
        {
            var guess = Rebase(features, Between(photo.Fine, photo.Coarse), Between(baseline.Fine, baseline.Coarse));
            var alternative = Joint(baseline, photo, baseline.Coarse, photo.Coarse, band, guess, options, 20, ct);
            if (alternative.Quality > coarse.Quality) coarse = alternative;
        }
        ct.ThrowIfCancellationRequested();

        var start = Rebase(coarse.Matrix, Between(photo.Coarse, photo.Fine), Between(baseline.Coarse, baseline.Fine));
        var fine = Joint(baseline, photo, baseline.Fine, photo.Fine, band, start, options, 10, ct);
        var matrix = options.Motion == MotionModel.Affine ? AffineRefit(baseline, photo, band, fine.Matrix, options) : fine.Matrix;
        return new Registration(Rebase(matrix, Affine.Invert(photo.Fine.FromMaster), Affine.Invert(baseline.Fine.FromMaster)),
            fine.Correlations[0], band);
    }

    /// <summary>Intensity inside the body (changed pixels discounted) and the sub-pixel outline, fitted together.</summary>
    private static Refinement Joint(WorkingImage baseline, WorkingImage photo, GreyLevel baseLevel, GreyLevel photoLevel,
        HipBand? band, double[] start, RegistrationOptions options, int iterations, CancellationToken ct)
    {
        using var interior = RegionMasks.InteriorWeights(baseline.Mask, baseLevel, band, InteriorErosion, options.HipBandWeight);
        using var outline = RegionMasks.BodyWeights(baseline.Mask, baseLevel, band, InteriorErosion, options.HipBandWeight);
        Channel[] channels =
        [
            new(photoLevel.Grey, photoLevel.Usable, baseLevel.Grey, interior, 1, Robust: true),
            new(photoLevel.Silhouette, null, baseLevel.Silhouette, outline, options.OutlineImportance, Robust: false),
        ];
        return SimilarityRefiner.Refine(channels, start, iterations, 0.01, ct);
    }

    /// <summary>Outline registration on blurred masks at half the coarse size: it only has to bring the rest within reach.</summary>
    private static double[] Silhouettes(Mat baseMask, Mat photoMask, HipBand? band, double[] start, RegistrationOptions options, CancellationToken ct)
    {
        using var photoHalf = Half(photoMask);
        using var baseHalf = Half(baseMask);
        var toHalfP = Affine.ResizeMap(photoMask.Size(), photoHalf.Size());
        var toHalfB = Affine.ResizeMap(baseMask.Size(), baseHalf.Size());
        using var weights = RegionMasks.FrameWeights(baseHalf.Size(), band, 0.03, options.HipBandWeight);
        using var softPhoto = RegionMasks.Soft(photoHalf, 1.5);
        using var softBase = RegionMasks.Soft(baseHalf, 1.5);
        var result = SimilarityRefiner.Refine([new Channel(softPhoto, null, softBase, weights, 1, Robust: false)],
            Rebase(start, toHalfP, toHalfB), 20, 0.02, ct);
        return Rebase(result.Matrix, Affine.Invert(toHalfP), Affine.Invert(toHalfB));
    }

    /// <summary>For comparison only: lets the outline fit shear and stretch too (OpenCV ECC, affine motion).</summary>
    private static double[] AffineRefit(WorkingImage baseline, WorkingImage photo, HipBand? band, double[] start, RegistrationOptions options)
    {
        using var weights = RegionMasks.BodyWeights(baseline.Mask, baseline.Fine, band, InteriorErosion, options.HipBandWeight);
        using var mask = new Mat();
        weights.ConvertTo(mask, MatType.CV_8UC1, 255);
        using var warp = new Mat();
        using (var m = Affine.ToMat(start)) m.ConvertTo(warp, MatType.CV_32FC1);
        try
        {
            Cv2.FindTransformECC(photo.Fine.Silhouette, baseline.Fine.Silhouette, warp, MotionTypes.Affine,
                new TermCriteria(CriteriaTypes.Count | CriteriaTypes.Eps, 50, 1e-6), mask, 5);
            return Affine.FromMat(warp);
        }
        catch (OpenCVException)
        {
            return start; // ECC gives up when it cannot improve; keep the similarity
        }
    }

    /// <summary>Pixels of one level → pixels of another level of the same image.</summary>
    private static double[] Between(GreyLevel from, GreyLevel to) => Affine.Invert(from.FromMaster).Then(to.FromMaster);

    /// <summary>The same matrix between other pixel grids; the maps take the old grids to the new ones.</summary>
    private static double[] Rebase(double[] matrix, double[] photoMap, double[] baseMap) =>
        Affine.Invert(photoMap).Then(matrix).Then(baseMap);

    private static Mat Half(Mat mask)
    {
        var half = new Mat();
        Cv2.Resize(mask, half, new Size((mask.Width + 1) / 2, (mask.Height + 1) / 2), 0, 0, InterpolationFlags.Area);
        return half;
    }
}
