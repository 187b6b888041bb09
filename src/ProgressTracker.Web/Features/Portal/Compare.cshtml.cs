using ProgressTracker.Web.Features.Compare;
using ProgressTracker.Web.Features.Timeline;

namespace ProgressTracker.Web.Features.Portal;

/// <summary>The clinic's comparison for the patient's own photos: side by side, slider, overlay, synced zoom.</summary>
public sealed class CompareModel(RecordAccess access, TimelineQuery timeline, ResponseShapes shapes, TimeProvider clock,
    IAuditTrail audit) : PortalFramesPageModel(access, timeline, shapes, clock, audit)
{
    public CompareView? Compare { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? view, Guid? before, Guid? after, string? mode, bool? aligned,
        CancellationToken ct)
    {
        await LoadAsync(view, "compare", ViewFrameSet.FirstComparable, ct);
        if (Set.View is not null)
            Compare = CompareView.Of(Set, before, after, mode, aligned, forPatient: true, Link("/me/progression"));
        return Page();
    }
}
