namespace ProgressTracker.Imaging.Composition;

/// <summary>
/// What a valid export is, in one place, so the API refuses a request with the same words the renderer would use.
/// Every message says what to change.
/// </summary>
public static class CompositionRules
{
    public const int MinPhotos = 2;
    public const int MaxPhotos = 24;
    public const int MaxWatermarkLength = 60;
    public const int MaxLabelLength = 80;

    /// <summary>Null when <paramref name="count"/> photos make a valid export of this kind, else why not.</summary>
    public static string? CountProblem(CompositionKind kind, int count) => kind switch
    {
        CompositionKind.SideBySide when count != 2 =>
            $"A side-by-side export compares exactly 2 photos; {Photos(count)} were chosen.",
        _ when count < MinPhotos =>
            $"{Name(kind)} needs at least {MinPhotos} photos; {Photos(count)} {(count == 1 ? "was" : "were")} chosen.",
        _ when count > MaxPhotos =>
            $"{Name(kind)} holds at most {MaxPhotos} photos; {Photos(count)} were chosen. Pick fewer visits.",
        _ => null,
    };

    /// <summary>Null when the watermark text is acceptable (absent, or short plain text), else why not.</summary>
    public static string? WatermarkProblem(string? watermark)
    {
        if (watermark is null) return null;
        if (watermark.Length > MaxWatermarkLength)
            return $"The watermark is limited to {MaxWatermarkLength} characters; it has {watermark.Length}.";
        if (watermark.Any(char.IsControl))
            return "The watermark must be a single line of text without control characters.";
        return null;
    }

    private static string Name(CompositionKind kind) => kind == CompositionKind.Animation ? "An animation" : "A sequence";

    private static string Photos(int count) => count == 1 ? "1 photo" : $"{count} photos";
}
