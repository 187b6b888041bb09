using ProgressTracker.Web.Features.Patients;

namespace ProgressTracker.Web.Features.Timeline;

/// <summary>
/// A patient screen that shows the processed photos of one view at a time (compare, progression): the shared
/// header, the views that have photos, and the frames of the chosen view.
/// </summary>
public abstract class ViewFramesPageModel(RecordAccess access, TimelineQuery timeline, TimeProvider clock,
    IAuditTrail audit) : PatientPageModel(access)
{
    public PatientHeader Header { get; private set; } = null!;
    /// <summary>Views that have at least one processed photo; the view picker offers these.</summary>
    public IReadOnlyList<PhotoView> Views { get; private set; } = [];
    public PhotoView? View { get; private set; }
    public IReadOnlyList<ViewFrame> Frames { get; private set; } = [];

    /// <summary>The asked-for view when it has photos, else the one <paramref name="fallback"/> picks.</summary>
    protected async Task LoadFramesAsync(string? view, PatientTab tab,
        Func<IReadOnlyList<ViewFrames>, ViewFrames> fallback, CancellationToken ct)
    {
        var data = await timeline.LoadAsync(Patient, null, ct);
        await audit.RecordAsync(AuditEvents.PatientViewed(Patient, $"{EnumNames.ToKebab(tab)} page"), ct);
        var course = new TreatmentCourse(data.Visits);
        Header = new PatientHeader(data.Patient, course, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), tab, []);
        var rows = data.Views.Select(r => new ViewFrames(r.View, ViewFrame.Of(r, course))).Where(r => r.Frames.Count > 0)
            .ToList();
        Views = rows.Select(r => r.View).ToList();
        if (rows.Count == 0) return;
        var chosen = rows.FirstOrDefault(r => view is not null && EnumNames.ToKebab(r.View) == view) ?? fallback(rows);
        View = chosen.View;
        Frames = chosen.Frames;
    }
}

/// <summary>The processed photos of one view, in visit order.</summary>
public sealed record ViewFrames(PhotoView View, IReadOnlyList<ViewFrame> Frames);
