using ProgressTracker.Web.Features.Progression;
using ProgressTracker.Web.Features.Timeline;

namespace ProgressTracker.Web.Features.Portal;

/// <summary>Every visit of one view, played in order: the clinic's progression player for the patient's photos.</summary>
public sealed class ProgressionModel(RecordAccess access, TimelineQuery timeline, ResponseShapes shapes,
    TimeProvider clock, IAuditTrail audit) : PortalFramesPageModel(access, timeline, shapes, clock, audit)
{
    public async Task<IActionResult> OnGetAsync(string? view, CancellationToken ct)
    {
        await LoadAsync(view, "progression", ViewFrameSet.MostVisits, ct);
        return Page();
    }

    /// <summary>Without scripts a frame opens the comparison of the first photo with that one.</summary>
    public ProgressionView Player => new(Set, ForPatient: true, f => Link("/me/compare", extra: $"after={f.Id}&mode=slider"));
}
