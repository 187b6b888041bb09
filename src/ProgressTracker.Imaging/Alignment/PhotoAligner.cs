using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// Aligns a follow-up photo to its baseline without landmarks or feature points, so plain backdrops and side
/// (lateral) views work: the body's silhouette is segmented from the backdrop, the width profiles and silhouettes
/// give the pose, and intensity inside the body refines it, always leaving out the hip band that treatment changes.
/// </summary>
public static class PhotoAligner
{
    public const string Method = "silhouette-intensity";

    /// <param name="baseline">Upright BGR master (CV_8UC3) of the baseline photo.</param>
    /// <param name="photo">Upright BGR master (CV_8UC3) of the photo to align; its size may differ.</param>
    public static AlignmentResult Align(Mat baseline, Mat photo, CancellationToken ct = default)
    {
        Validate(baseline, nameof(baseline));
        Validate(photo, nameof(photo));
        using var b = WorkingImage.Create(baseline);
        ct.ThrowIfCancellationRequested();
        using var p = WorkingImage.Create(photo);
        ct.ThrowIfCancellationRequested();

        var registration = RegistrationPipeline.Run(b, p, ct);
        if (registration.Matrix.Any(v => !double.IsFinite(v)) || Affine.Scale(registration.Matrix) < 1e-6)
            return new AlignmentResult(Affine.Identity, 0, AlignmentVerdict.NeedsReview, Method,
                "The photo could not be registered to the baseline: different view or framing?");

        var (score, reason) = AlignmentScore.Evaluate(AgreementMeasures.Measure(b, p, registration));
        var verdict = reason is null ? AlignmentVerdict.Aligned : AlignmentVerdict.NeedsReview;
        return new AlignmentResult(registration.Matrix, score, verdict, Method, reason);
    }

    private static void Validate(Mat image, string name)
    {
        ArgumentNullException.ThrowIfNull(image, name);
        if (image.Empty() || image.Type() != MatType.CV_8UC3)
            throw new ArgumentException($"Expected a non-empty 8-bit BGR image (CV_8UC3), got {image.Type()} {image.Width}×{image.Height}.", name);
        if (image.Width < 32 || image.Height < 32)
            throw new ArgumentException($"The image is too small to align ({image.Width}×{image.Height}); at least 32×32 pixels are needed.", name);
    }
}
