using ProgressTracker.Web.Features.Patients;

namespace ProgressTracker.Web.Features.Timeline;

/// <summary>
/// A clinic screen that shows the processed photos of one view at a time (compare, progression): the shared
/// header, the views that have photos, and the frames of the chosen view.
/// </summary>
public abstract class ViewFramesPageModel(RecordAccess access, TimelineQuery timeline, TimeProvider clock,
    IAuditTrail audit) : PatientPageModel(access)
{
    public PatientHeader Header { get; private set; } = null!;
    public ViewFrameSet Set { get; private set; } = null!;
    /// <summary>Views that have at least one processed photo; the view picker offers these.</summary>
    public IReadOnlyList<PhotoView> Views => Set.Views;
    public PhotoView? View => Set.View;
    public IReadOnlyList<ViewFrame> Frames => Set.Frames;

    protected async Task LoadFramesAsync(string? view, PatientTab tab,
        Func<IReadOnlyList<ViewFrames>, ViewFrames> fallback, CancellationToken ct)
    {
        var data = await timeline.LoadAsync(Patient, null, ct);
        await audit.RecordAsync(AuditEvents.PatientViewed(Patient, $"{EnumNames.ToKebab(tab)} page"), ct);
        Set = ViewFrameSet.From(data, view, fallback);
        Header = new PatientHeader(data.Patient, Set.Course, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), tab, []);
    }
}
