using OpenCvSharp;

namespace ProgressTracker.Imaging.Composition;

/// <summary>
/// Renders an export of one view across visits: a side-by-side or a sequence as JPEG, or an animation as GIF. Labels
/// are drawn in the embedded font on a dark neutral stage (skin is judged best against neutral grey). The output
/// carries no metadata: pixels are encoded from bare matrices, and nothing identifies the patient unless the
/// caller puts it in a label, the title or the watermark.
/// </summary>
public static class ExportRenderer
{
    /// <summary>The stage colour #1f2022, as on the app's photo pages.</summary>
    internal static readonly Scalar Stage = new(0x22, 0x20, 0x1f);

    /// <summary>Decodes each panel's image once and renders the export.</summary>
    /// <exception cref="ArgumentException">
    /// The request breaks a rule of <see cref="CompositionRules"/>, or a panel's image cannot be decoded; the message says which.
    /// </exception>
    public static RenderedExport Render(CompositionRequest request, AnimationOptions? animation = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Panels, nameof(request));
        if (CompositionRules.CountProblem(request.Kind, request.Panels.Count) is { } count)
            throw new ArgumentException(count, nameof(request));
        var decoded = new List<DecodedPanel>(request.Panels.Count);
        try
        {
            for (var i = 0; i < request.Panels.Count; i++)
            {
                var panel = request.Panels[i] ?? throw new ArgumentException($"Photo {i + 1} is missing.", nameof(request));
                decoded.Add(new DecodedPanel(EncodedImage.Decode(panel.Image, nameof(request), $"Photo {i + 1}"), panel.Label, panel.Crop));
                ct.ThrowIfCancellationRequested();
            }
            return Render(new DecodedComposition(request.Kind, decoded, request.Title, request.Watermark), animation, ct);
        }
        finally
        {
            foreach (var panel in decoded) panel.Image.Dispose();
        }
    }

    /// <exception cref="ArgumentException">The request breaks a rule of <see cref="CompositionRules"/>; the message says which.</exception>
    internal static RenderedExport Render(DecodedComposition request, AnimationOptions? animation = null,
        CancellationToken ct = default)
    {
        Validate(request);
        if (request.Kind != CompositionKind.Animation) return CompositeRenderer.Render(request, ct);
        animation ??= new AnimationOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(animation.DelayCentiseconds, 2, nameof(animation));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(animation.DelayCentiseconds, 1000, nameof(animation));
        ArgumentOutOfRangeException.ThrowIfLessThan(animation.LongEdge, 160, nameof(animation));
        return AnimationRenderer.Render(request, animation, ct);
    }

    private static void Validate(DecodedComposition request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Panels, nameof(request));
        if (CompositionRules.CountProblem(request.Kind, request.Panels.Count) is { } count)
            throw new ArgumentException(count, nameof(request));
        if (CompositionRules.WatermarkProblem(request.Watermark) is { } watermark)
            throw new ArgumentException(watermark, nameof(request));
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > CompositionRules.MaxLabelLength)
            throw new ArgumentException($"The title must be 1–{CompositionRules.MaxLabelLength} characters.", nameof(request));

        for (var i = 0; i < request.Panels.Count; i++)
        {
            var panel = request.Panels[i] ?? throw new ArgumentException($"Photo {i + 1} is missing.", nameof(request));
            if (panel.Image is null || panel.Image.Empty() || panel.Image.Type() != MatType.CV_8UC3)
                throw new ArgumentException($"Photo {i + 1} is not an 8-bit BGR image.", nameof(request));
            if (panel.Image.Width < 8 || panel.Image.Height < 8)
                throw new ArgumentException($"Photo {i + 1} is too small ({panel.Image.Width}×{panel.Image.Height}); at least 8×8 pixels are needed.", nameof(request));
            if (panel.Label is null || panel.Label.Length > CompositionRules.MaxLabelLength)
                throw new ArgumentException($"The label of photo {i + 1} must be at most {CompositionRules.MaxLabelLength} characters.", nameof(request));
            if (panel.Crop is { } c && !(c.Top >= 0 && c.Bottom <= 1 && c.Top < c.Bottom))
                throw new ArgumentException($"The crop of photo {i + 1} must satisfy 0 ≤ top < bottom ≤ 1.", nameof(request));
        }
    }
}
