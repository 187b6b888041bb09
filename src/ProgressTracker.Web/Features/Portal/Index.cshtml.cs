using ProgressTracker.Web.Features.Compare;
using ProgressTracker.Web.Features.Timeline;

namespace ProgressTracker.Web.Features.Portal;

/// <summary>
/// The patient's start page, phone first: where the course stands ("week 14 since your first session"), the
/// first photo against the latest as a slider, the views as tabs and the visits as steps.
/// </summary>
public sealed class IndexModel(RecordAccess access, TimelineQuery timeline, ResponseShapes shapes, TimeProvider clock,
    IAuditTrail audit, PortalOptions portal, Measurements.MeasuredOutcomeQuery measured) : PortalFramesPageModel(access, timeline, shapes, clock, audit)
{
    public CompareView? Compare { get; private set; }
    public PortalOptions Portal => portal;

    /// <summary>The measured dip depth, only where the clinic shows measurements to patients.</summary>
    public Measurements.MeasuredOutcome? Measured { get; private set; }

    /// <summary>Notes the clinic wrote for the patient, newest first (only when the clinic shows them).</summary>
    public IReadOnlyList<Visits.VisitDto> NotedVisits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? view, Guid? before, Guid? after, string? mode,
        CancellationToken ct)
    {
        await LoadAsync(view, "progress", ViewFrameSet.FirstComparable, ct);
        if (Set.View is not null)
            Compare = CompareView.Of(Set, before, after, mode ?? "slider", aligned: true, forPatient: true,
                Link("/me/progression")) with { Compact = true };
        if (portal.ShowMeasurements) Measured = await measured.LoadAsync(Patient, Timeline, forPatient: true, ct);
        NotedVisits = Timeline.Visits.Where(v => !string.IsNullOrWhiteSpace(v.PatientNote)).Reverse().ToList();
        return Page();
    }

    /// <summary>"Your results build over weeks: here is week 14." for the latest photo shown.</summary>
    public string? Encouragement => Compare?.After is { } latest && Course.WeeksAt(latest.Visit.Date) is > 0 and var w
        ? $"Results build over weeks: your latest photos are from week {w}."
        : null;
}
