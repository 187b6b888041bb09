using ProgressTracker.Web.Features.Exports;
using ProgressTracker.Web.Features.Patients;
using ProgressTracker.Web.Features.Timeline;

namespace ProgressTracker.Web.Features.Compare;

/// <summary>
/// Before/after for one view: any two processed photos (default: the baseline against the latest), shown side by
/// side, as a wipe, or as an onion-skin overlay, aligned to the baseline or as taken.
/// </summary>
public sealed class CompareModel(RecordAccess access, TimelineQuery timeline, TimeProvider clock,
    IAuditTrail audit) : ViewFramesPageModel(access, timeline, clock, audit)
{
    public CompareView Compare { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? view, Guid? before, Guid? after, string? mode,
        bool? aligned, CancellationToken ct)
    {
        // The asked-for view, else the first view that has something to compare.
        await LoadFramesAsync(view, PatientTab.Compare, ViewFrameSet.FirstComparable, ct);
        Compare = CompareView.Of(Set, before, after, mode, aligned, forPatient: false,
            $"/patients/{Patient.Id}/progression?view={(View is { } v ? EnumNames.ToKebab(v) : "")}");
        return Page();
    }

    /// <summary>The export panel starts on this very pair, as a side-by-side picture.</summary>
    public ExportPanelModel? ExportPanel => View is { } v && Compare.Before is { } b && Compare.After is { } a
        ? new ExportPanelModel(Header.Patient.Id, v, [b.Id, a.Id], "side-by-side")
        : null;
}
