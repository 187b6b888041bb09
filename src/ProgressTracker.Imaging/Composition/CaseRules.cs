using System.Globalization;

namespace ProgressTracker.Imaging.Composition;

/// <summary>
/// What a valid case picture is, in one place, so the API can refuse a request with the same words the renderer
/// would use. Every message says what to change, in the units the user painted in (the after photo's pixels).
/// </summary>
public static class CaseRules
{
    public const int MinCropSide = 32;
    public const double MinBlurRadius = 4;
    public const double MaxBlurRadius = 400;
    public const int MaxBlurSpots = 50;
    public const int MaxCaptionLines = 6;
    public const int MaxCaptionLength = 200;
    public const int MaxCaseCodeLength = 40;
    public const int MaxConsentIds = 100;

    /// <summary>
    /// The crop clipped to an image of <paramref name="width"/> × <paramref name="height"/>, or why it cannot be used.
    /// Null means the whole image.
    /// </summary>
    public static (CaseCrop? Clipped, string? Problem) ClipCrop(CaseCrop? crop, int width, int height)
    {
        if (crop is not { } c) return (null, null);
        if (c.Width <= 0 || c.Height <= 0)
            return (null, $"The crop must have a positive width and height; it is {c.Width}×{c.Height} px.");
        long left = Math.Max(0, c.X), top = Math.Max(0, c.Y);
        long right = Math.Min(width, (long)c.X + c.Width), bottom = Math.Min(height, (long)c.Y + c.Height);
        if (right <= left || bottom <= top)
            return (null, $"The crop lies outside the photo ({width}×{height} px); draw it over the photo.");
        if (right - left < MinCropSide || bottom - top < MinCropSide)
            return (null, $"The crop is {right - left}×{bottom - top} px inside the photo; it must be at least " +
                          $"{MinCropSide}×{MinCropSide} px.");
        return (new CaseCrop((int)left, (int)top, (int)(right - left), (int)(bottom - top)), null);
    }

    /// <summary>Null when the blur spots are acceptable on an after photo of this size, else why not.</summary>
    /// <remarks>
    /// A spot wholly outside the photo is refused rather than ignored: it most likely means the coordinates are in
    /// another image's pixels, and then the tattoo it was meant to hide would be published unblurred.
    /// </remarks>
    public static string? BlurProblem(IReadOnlyList<CaseBlurSpot>? spots, int width, int height)
    {
        if (spots is null) return "The list of blur spots is missing; send an empty list for none.";
        if (spots.Count > MaxBlurSpots)
            return $"At most {MaxBlurSpots} blur spots can be applied; {spots.Count} were drawn. Use larger spots.";
        for (var i = 0; i < spots.Count; i++)
        {
            var s = spots[i];
            if (!double.IsFinite(s.X) || !double.IsFinite(s.Y) || !double.IsFinite(s.Radius))
                return $"Blur spot {i + 1} has a position or radius that is not a number.";
            if (s.Radius is < MinBlurRadius or > MaxBlurRadius)
                return $"Blur spot {i + 1} has a radius of {Px(s.Radius)} px; a radius must be between " +
                       $"{MinBlurRadius} and {MaxBlurRadius} px.";
            var nearestX = Math.Clamp(s.X, 0, width);
            var nearestY = Math.Clamp(s.Y, 0, height);
            if (Math.Pow(s.X - nearestX, 2) + Math.Pow(s.Y - nearestY, 2) >= s.Radius * s.Radius)
                return $"Blur spot {i + 1} at ({Px(s.X)}, {Px(s.Y)}) lies outside the photo ({width}×{height} px).";
        }
        return null;
    }

    /// <summary>Null when the label is acceptable, else why not.</summary>
    public static string? LabelProblem(string? label, string which)
    {
        if (string.IsNullOrWhiteSpace(label)) return $"The {which} label is empty.";
        if (label.Length > CompositionRules.MaxLabelLength)
            return $"The {which} label is limited to {CompositionRules.MaxLabelLength} characters; it has {label.Length}.";
        return label.Any(char.IsControl) ? $"The {which} label must be a single line of text." : null;
    }

    /// <summary>Null when the caption lines are acceptable (blank lines are kept as space), else why not.</summary>
    public static string? CaptionProblem(IReadOnlyList<string>? lines)
    {
        if (lines is null) return "The caption lines are missing; send an empty list for none.";
        if (lines.Count > MaxCaptionLines)
            return $"The caption holds at most {MaxCaptionLines} lines; it has {lines.Count}.";
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is null) return $"Caption line {i + 1} is missing.";
            if (lines[i].Length > MaxCaptionLength)
                return $"Caption line {i + 1} is limited to {MaxCaptionLength} characters; it has {lines[i].Length}.";
            if (lines[i].Any(char.IsControl))
                return $"Caption line {i + 1} must be one line of text; long lines are wrapped for you.";
        }
        return null;
    }

    /// <summary>Null when the provenance can be drawn and written into the picture, else why not.</summary>
    public static string? ProvenanceProblem(CaseProvenance? provenance)
    {
        if (provenance is null) return "The case's provenance (case id, code and consents) is missing.";
        if (provenance.CaseId == Guid.Empty) return "The case id is empty.";
        var code = provenance.CaseCode;
        if (string.IsNullOrWhiteSpace(code)) return "The case code is empty.";
        if (code.Length > MaxCaseCodeLength)
            return $"The case code is limited to {MaxCaseCodeLength} characters; it has {code.Length}.";
        if (code.Any(char.IsControl) || code.Trim() != code)
            return "The case code must be one line of text without leading or trailing spaces.";
        if (provenance.ConsentIds is null) return "The list of consent ids is missing.";
        if (provenance.ConsentIds.Count > MaxConsentIds)
            return $"At most {MaxConsentIds} consents can be recorded in a picture; {provenance.ConsentIds.Count} were given.";
        return provenance.ConsentIds.Contains(Guid.Empty) ? "A consent id is empty." : null;
    }

    private static string Px(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
