using ProgressTracker.Web.Features.Exports;
using ProgressTracker.Web.Features.Patients;
using ProgressTracker.Web.Features.Timeline;

namespace ProgressTracker.Web.Features.Compare;

public enum CompareMode { Side, Slider, Overlay }

/// <summary>
/// Before/after for one view: any two processed photos (default: the baseline against the latest), shown side by
/// side, as a wipe, or as an onion-skin overlay, aligned to the baseline or as taken.
/// </summary>
public sealed class CompareModel(RecordAccess access, TimelineQuery timeline, TimeProvider clock,
    IAuditTrail audit) : ViewFramesPageModel(access, timeline, clock, audit)
{
    public ViewFrame? Before { get; private set; }
    public ViewFrame? After { get; private set; }
    public CompareMode Mode { get; private set; }
    public bool Aligned { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? view, Guid? before, Guid? after, string? mode,
        bool? aligned, CancellationToken ct)
    {
        Mode = Enum.TryParse<CompareMode>(mode, ignoreCase: true, out var m) ? m : CompareMode.Side;
        Aligned = aligned ?? true;
        // The asked-for view, else the first view that has something to compare.
        await LoadFramesAsync(view, PatientTab.Compare, rows => rows.FirstOrDefault(r => r.Frames.Count >= 2) ?? rows[0], ct);
        (Before, After) = Pick(Frames, before, after);
        return Page();
    }

    /// <summary>The asked-for pair when both belong to this view; otherwise the baseline against the latest.</summary>
    private static (ViewFrame? Before, ViewFrame? After) Pick(IReadOnlyList<ViewFrame> frames, Guid? before, Guid? after)
    {
        if (frames.Count < 2) return (frames.FirstOrDefault(), null);
        var b = frames.FirstOrDefault(f => f.Id == before) ?? frames.FirstOrDefault(f => f.IsBaseline) ?? frames[0];
        var a = frames.FirstOrDefault(f => f.Id == after && f.Id != b.Id) ?? frames.LastOrDefault(f => f.Id != b.Id)!;
        return (b, a);
    }

    /// <summary>The export panel starts on this very pair, as a side-by-side picture.</summary>
    public ExportPanelModel? ExportPanel => View is { } v && Before is { } b && After is { } a
        ? new ExportPanelModel(Header.Patient.Id, v, [b.Id, a.Id], "side-by-side")
        : null;
}
