namespace ProgressTracker.Web.Features.Patients;

public sealed class IndexModel(PatientSearch search, CreatePatientHandler create, AppDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string DisplayName, string RecordNumber, int VisitCount, DateOnly? LastVisit);

    public string? Query { get; private set; }
    public IReadOnlyList<Row> Patients { get; private set; } = [];
    public int Total { get; private set; }
    public CreatePatientRequest Form { get; private set; } = new(null, null, null);

    public Task OnGetAsync(string? q, CancellationToken ct) => LoadAsync(q, ct);

    public async Task<IActionResult> OnPostCreateAsync(string? displayName, string? recordNumber, DateOnly? dateOfBirth,
        CancellationToken ct)
    {
        Form = new CreatePatientRequest(displayName, recordNumber, dateOfBirth);
        var created = await create.HandleAsync(Form, ct);
        if (!created.Failed(out var rejection, out var patient)) return Redirect($"/patients/{patient.Id}");
        ModelState.AddRejection(rejection);
        await LoadAsync(null, ct);
        return Page();
    }

    private async Task LoadAsync(string? q, CancellationToken ct)
    {
        Query = q?.Trim();
        var (items, total) = await search.FindAsync(User, Query, 1, 200, ct);
        var ids = items.Select(p => p.Id).ToList();
        var stats = await db.Visits.Where(v => ids.Contains(v.PatientId)).GroupBy(v => v.PatientId)
            .Select(g => new { g.Key, Count = g.Count(), Last = g.Max(v => v.Date) }).ToListAsync(ct);
        Patients = items.Select(p =>
        {
            var s = stats.FirstOrDefault(x => x.Key == p.Id);
            return new Row(p.Id, p.DisplayName, p.RecordNumber, s?.Count ?? 0, s?.Last);
        }).ToList();
        Total = total;
    }
}
