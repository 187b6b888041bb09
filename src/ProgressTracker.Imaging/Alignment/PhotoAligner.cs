using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// Aligns a follow-up photo to its baseline without landmarks and without relying on feature points, so plain
/// backdrops and side (lateral) views work: the body's silhouette is segmented from the backdrop, the width
/// profiles and silhouettes give the pose, and the sub-pixel outline with the intensity inside the body refines it,
/// always leaving out the hip band that treatment changes. The score says how far to trust the result.
/// </summary>
internal static class PhotoAligner
{
    public const string Method = "silhouette-intensity";

    /// <param name="baseline">Upright BGR master (CV_8UC3) of the baseline photo.</param>
    /// <param name="photo">Upright BGR master (CV_8UC3) of the photo to align; its size may differ.</param>
    public static AlignmentResult Align(Mat baseline, Mat photo, CancellationToken ct = default) =>
        Align(baseline, photo, RegistrationOptions.Default, ct);

    /// <summary>With other design choices, for the benchmark's side-by-side comparisons.</summary>
    internal static AlignmentResult Align(Mat baseline, Mat photo, RegistrationOptions options, CancellationToken ct)
    {
        Validate(baseline, nameof(baseline));
        Validate(photo, nameof(photo));
        AlignmentResult result;
        bool byPerson;
        var (b, p) = Prepare(baseline, photo, ct);
        using (b)
        using (p)
        {
            ct.ThrowIfCancellationRequested();
            result = Register(b, p, options, ct);
            byPerson = b.ByPerson;
        }
        if (!byPerson || result.Verdict == AlignmentVerdict.Aligned) return result;

        // The person model also answers for scenes that hold no person; where its outline did not register, the
        // backdrop model's may, and each verdict is checked on its own, so the better one is as safe as either.
        using var baseBackdrop = WorkingImage.Create(baseline, SilhouetteMethod.Backdrop);
        using var photoBackdrop = WorkingImage.Create(photo, SilhouetteMethod.Backdrop);
        ct.ThrowIfCancellationRequested();
        var alternative = Register(baseBackdrop, photoBackdrop, options, ct);
        return alternative.Verdict == AlignmentVerdict.Aligned || alternative.Score > result.Score ? alternative : result;
    }

    private static AlignmentResult Register(WorkingImage b, WorkingImage p, RegistrationOptions options, CancellationToken ct)
    {
        var registration = RegistrationPipeline.Run(b, p, options, ct);
        if (registration.Matrix.Any(v => !double.IsFinite(v)) || Affine.Scale(registration.Matrix) < 1e-6)
            return new AlignmentResult(Affine.Identity, 0, AlignmentVerdict.NeedsReview, Method,
                "The photo could not be registered to the baseline: different view or framing?");

        var (score, reason) = AlignmentScore.Evaluate(AgreementMeasures.Measure(b, p, registration));
        var verdict = reason is null ? AlignmentVerdict.Aligned : AlignmentVerdict.NeedsReview;
        return new AlignmentResult(registration.Matrix, score, verdict, Method, reason);
    }

    /// <summary>
    /// Both working images, their outlines drawn by the same method: the baseline's border decides, the photo follows
    /// (see <see cref="SilhouetteMethod"/>), so studio pairs stay on the backdrop model whatever the follow-up's framing.
    /// </summary>
    private static (WorkingImage Baseline, WorkingImage Photo) Prepare(Mat baseline, Mat photo, CancellationToken ct)
    {
        var b = WorkingImage.Create(baseline);
        try
        {
            ct.ThrowIfCancellationRequested();
            var p = WorkingImage.Create(photo, b.ByPerson ? SilhouetteMethod.Person : SilhouetteMethod.Backdrop);
            return (b, p);
        }
        catch
        {
            b.Dispose();
            throw;
        }
    }

    private static void Validate(Mat image, string name)
    {
        ArgumentNullException.ThrowIfNull(image, name);
        if (image.Empty() || image.Type() != MatType.CV_8UC3)
            throw new ArgumentException($"Expected a non-empty 8-bit BGR image (CV_8UC3), got {image.Type()} {image.Width}×{image.Height}.", name);
        if (image.Width < 32 || image.Height < 32)
            throw new ArgumentException($"The image is too small to align ({image.Width}×{image.Height}); at least 32×32 pixels are needed.", name);
        if (Math.Max(image.Width, image.Height) > 8 * Math.Min(image.Width, image.Height))
            throw new ArgumentException($"The image is too narrow to align ({image.Width}×{image.Height}); at most 8:1 is supported.", name);
    }
}
