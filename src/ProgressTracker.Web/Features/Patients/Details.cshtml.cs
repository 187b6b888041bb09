using ProgressTracker.Web.Features.Measurements;
using ProgressTracker.Web.Features.PortalAccess;
using ProgressTracker.Web.Features.Timeline;
using ProgressTracker.Web.Features.Visits;

namespace ProgressTracker.Web.Features.Patients;

/// <summary>The patient page: course summary, the timeline grid (views × visits) and the visit list.</summary>
public sealed class DetailsModel(RecordAccess access, TimelineQuery timeline, CreateVisitHandler createVisit,
    TimeProvider clock, IAuditTrail audit, PortalAccounts portal, MeasuredOutcomeQuery measured) : PatientPageModel(access)
{
    public TimelineDto Timeline { get; private set; } = null!;
    public IReadOnlyList<VisitDto> Visits { get; private set; } = [];
    public TreatmentCourse Course { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public TimelineGrid Grid { get; private set; } = null!;
    public PatientHeader Header { get; private set; } = null!;
    public PortalAccessState Portal { get; private set; } = null!;
    public MeasuredOutcome Measured { get; private set; } = null!;

    [TempData] public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        await audit.RecordAsync(AuditEvents.PatientViewed(Patient, "timeline page"), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddVisitAsync(DateOnly? date, string? kind, string? notes,
        string? product, string? lot, decimal? volumeMl, string? areas, int? sessionNumber, string? patientNote,
        CancellationToken ct)
    {
        var treatment = string.IsNullOrWhiteSpace(product) && volumeMl is null && sessionNumber is null
            ? null
            : new TreatmentDto(product, lot, volumeMl,
                (areas ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                sessionNumber);
        var created = await createVisit.HandleAsync(Patient, new CreateVisitRequest(date, kind, notes, treatment, patientNote), ct);
        if (!created.Failed(out var rejection, out var visit))
        {
            Flash = $"Visit on {visit.Date:d MMM yyyy} added. Upload its photos next.";
            return Redirect($"/visits/{visit.Id}/upload");
        }
        ModelState.AddRejection(rejection);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var id = Patient.Id;
        Timeline = await timeline.LoadAsync(Patient, null, ct);
        Visits = Timeline.Visits;
        Course = new TreatmentCourse(Visits);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var actions = new List<HeaderAction>();
        if (Visits.LastOrDefault() is { } latest)
            actions.Add(new HeaderAction($"Upload to {latest.Date:d MMM} visit", $"/visits/{latest.Id}/upload", Primary: true));
        if (Timeline.Views.Any(v => v.Visits.Sum(c => c.Photos.Count(p => p.Status == PhotoStatus.Ready)) >= 2))
            actions.Add(new HeaderAction("Compare", $"/patients/{id}/compare"));
        actions.Add(new HeaderAction("Add visit", "#add-visit"));
        Header = new PatientHeader(Timeline.Patient, Course, Today, PatientTab.Timeline, actions);
        Grid = new TimelineGrid(Timeline, Course, ForStaff: true);
        Portal = await portal.StateAsync(Patient, ct);
        Measured = await measured.LoadAsync(Patient, Timeline, forPatient: false, ct);
    }
}
