using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Shared.Api;
using ProgressTracker.Web.Features.Timeline;
using ProgressTracker.Web.Features.Visits;
using ProgressTracker.Web.Infrastructure.Identity;

namespace ProgressTracker.Web.Features.Patients;

/// <summary>The patient page: course summary, the timeline grid (views × visits) and the visit list.</summary>
public sealed class DetailsModel(RecordAccess access, TimelineQuery timeline, CreateVisitHandler createVisit,
    TimeProvider clock) : PageModel
{
    public Patient Patient { get; private set; } = null!;
    public TimelineDto Timeline { get; private set; } = null!;
    public IReadOnlyList<VisitDto> Visits { get; private set; } = [];
    public TreatmentCourse Course { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public string? VisitError { get; private set; }
    public TimelineGrid Grid { get; private set; } = null!;
    public PatientHeader Header { get; private set; } = null!;

    [TempData] public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddVisitAsync(Guid id, DateOnly? date, string? kind, string? notes,
        string? product, string? lot, decimal? volumeMl, string? areas, int? sessionNumber, CancellationToken ct)
    {
        var found = await access.PatientAsync(id, User, PatientOperations.Edit, ct);
        if (found.Access != Access.Granted) return NotFound();
        var treatment = string.IsNullOrWhiteSpace(product) && volumeMl is null && sessionNumber is null
            ? null
            : new TreatmentDto(product, lot, volumeMl,
                (areas ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                sessionNumber);
        var (visit, problem) = await createVisit.HandleAsync(found.Value!,
            new CreateVisitRequest(date, kind, notes, treatment), ct);
        if (visit is not null)
        {
            Flash = $"Visit on {visit.Date:d MMM yyyy} added. Upload its photos next.";
            return Redirect($"/visits/{visit.Id}/upload");
        }
        VisitError = problem!.ProblemDetails.Detail;
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await access.PatientAsync(id, User, PatientOperations.View, ct);
        if (found.Access != Access.Granted) return false;
        Patient = found.Value!;
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
        return true;
    }
}
