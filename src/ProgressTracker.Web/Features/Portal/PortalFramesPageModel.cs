using ProgressTracker.Web.Features.Timeline;

namespace ProgressTracker.Web.Features.Portal;

/// <summary>
/// A portal page that shows the patient's photos: their own timeline in the patient's shape (no clinical notes,
/// lot numbers or originals), the course in their words, and the frames of one view.
/// </summary>
public abstract class PortalFramesPageModel(RecordAccess access, TimelineQuery timeline, ResponseShapes shapes,
    TimeProvider clock, IAuditTrail audit) : PortalPageModel(access)
{
    public TimelineDto Timeline { get; private set; } = null!;
    public ViewFrameSet Set { get; private set; } = null!;
    public TreatmentCourse Course => Set.Course;
    public DateOnly Today { get; private set; }

    protected async Task LoadAsync(string? view, string where, Func<IReadOnlyList<ViewFrames>, ViewFrames> fallback,
        CancellationToken ct)
    {
        var shape = await shapes.ForAsync(User, Patient);
        Timeline = shape.Timeline(await timeline.LoadAsync(Patient, null, ct));
        await audit.RecordAsync(AuditEvents.PatientViewed(Patient, $"portal {where}"), ct);
        Set = ViewFrameSet.From(Timeline, view, fallback, patientWording: true);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>"/me/compare?view=front": a portal link that keeps the chosen view.</summary>
    public string Link(string path, PhotoView? view = null, string? extra = null) =>
        (view ?? Set.View) is { } v ? $"{path}?view={EnumNames.ToKebab(v)}{(extra is null ? "" : "&" + extra)}" : path;
}
