using ProgressTracker.Web.Features.Timeline;

namespace ProgressTracker.Web.Features.Compare;

public enum CompareMode { Side, Slider, Overlay }

/// <summary>
/// One before/after comparison as the compare partial draws it, for the clinic and the patient portal alike. For a
/// patient an alignment that staff have not confirmed is not shown: that photo appears as taken.
/// </summary>
public sealed record CompareView(ViewFrameSet Set, ViewFrame? Before, ViewFrame? After, CompareMode Mode, bool Aligned,
    bool ForPatient, string ProgressionHref)
{
    /// <summary>Only the stage and the mode choice (the patient's start page); the full pickers live on compare.</summary>
    public bool Compact { get; init; }

    public static CompareView Of(ViewFrameSet set, Guid? before, Guid? after, string? mode, bool? aligned,
        bool forPatient, string progressionHref)
    {
        var (b, a) = set.Pair(before, after);
        var parsed = Enum.TryParse<CompareMode>(mode, ignoreCase: true, out var m) ? m : CompareMode.Side;
        return new CompareView(set, b, a, parsed, aligned ?? true, forPatient, progressionHref);
    }

    public PhotoView? View => Set.View;

    public string AlignedSrc(ViewFrame frame) => frame.AlignedSrcFor(ForPatient);

    public bool ShownAsTaken(ViewFrame frame) => frame.ShownAsTakenFor(ForPatient);
}
