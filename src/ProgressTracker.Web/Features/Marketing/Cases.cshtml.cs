namespace ProgressTracker.Web.Features.Marketing;

/// <summary>/marketing/cases: every case with its state.</summary>
public sealed class CasesModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<MarketingCase> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Cases = await db.MarketingCases.AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(500).ToListAsync(ct);

    public static string StatusText(MarketingCase c) => c.Status switch
    {
        CaseStatus.Rendering => "Rendering",
        CaseStatus.AwaitingPatient => c.DeclinedAt is null ? "Awaiting the patient" : "Declined by the patient",
        CaseStatus.Ready => "Ready",
        CaseStatus.Withdrawn => "Withdrawn",
        _ => "Failed",
    };
}
