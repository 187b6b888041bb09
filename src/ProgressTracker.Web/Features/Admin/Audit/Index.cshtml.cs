using System.Text;

namespace ProgressTracker.Web.Features.Admin.Audit;

/// <summary>
/// The audit trail for admins: filter by person, patient, action and dates, page through newest first, download
/// the filtered rows as CSV, and see whether the hash chain is intact.
/// </summary>
public sealed class IndexModel(AuditQuery query, AuditVerifier verifier, AuditChainStatus status, IAuditTrail audit,
    AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    /// <summary>A verification older than this is run again when the page opens (it reads the whole trail).</summary>
    private static readonly TimeSpan ChainStatusLife = TimeSpan.FromMinutes(10);

    public sealed record Row(AuditEntry Entry, string? ActorEmail, string? PatientRecord);

    public AuditPageFilter Filter { get; private set; } = new(null, null, null, null, null);
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public string? Problem { get; private set; }
    public AuditVerification? Chain { get; private set; }

    public async Task OnGetAsync(string? person, string? patient, string? action, DateOnly? from, DateOnly? to,
        int? p, CancellationToken ct)
    {
        Filter = new AuditPageFilter(person, patient, action, from, to);
        PageNumber = Math.Max(1, p ?? 1);
        Chain = status.Last is { } last && clock.GetUtcNow() - last.VerifiedAt < ChainStatusLife
            ? last
            : await VerifyAsync(ct);
        var (filter, problem) = await Filter.ResolveAsync(db, ct);
        Problem = problem;
        if (filter is null) return;
        var (items, total) = await query.PageAsync(filter, PageNumber, PageSize, ct);
        Total = total;
        Rows = await WithNamesAsync(items, ct);
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        await VerifyAsync(ct);
        return Redirect("/admin/audit" + QueryString.Create(Request.Query.Where(q => q.Key != "handler")));
    }

    public async Task<IActionResult> OnGetCsvAsync(string? person, string? patient, string? action, DateOnly? from,
        DateOnly? to, CancellationToken ct)
    {
        Filter = new AuditPageFilter(person, patient, action, from, to);
        var (filter, problem) = await Filter.ResolveAsync(db, ct);
        if (filter is null) return BadRequest(problem ?? "Bad filter.");
        await audit.RecordAsync(new AuditEvent(AuditActions.AuditExported, ResourceType: "audit",
            Detail: Filter.IsEmpty ? "all entries" : "filtered" + Filter.Query()), ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition =
            $"attachment; filename=\"audit-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv\"";
        Response.Headers.CacheControl = "private, no-store";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(false));
        await writer.WriteAsync(AuditCsv.Header + "\r\n");
        await foreach (var entry in query.AllAsync(filter).WithCancellation(ct))
            await writer.WriteAsync(AuditCsv.Line(AuditEntryDto.From(entry)) + "\r\n");
        await writer.FlushAsync(ct);
        return new EmptyResult();
    }

    /// <summary>
    /// Ids are shown by their last eight characters (the first ones of a version-7 id are its time, alike for records
    /// made together); the full id is in the title and the CSV.
    /// </summary>
    public static string Short(string? id) => id is null ? "" : id.Length <= 8 ? id : "…" + id[^8..];

    private async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var result = await verifier.VerifyAsync(ct);
        await audit.RecordAsync(AuditEvents.Verified(result, "admin page"), ct);
        return result;
    }

    /// <summary>E-mails and record numbers are looked up for display; the trail itself holds ids only.</summary>
    private async Task<IReadOnlyList<Row>> WithNamesAsync(IReadOnlyList<AuditEntry> items, CancellationToken ct)
    {
        var actorIds = items.Where(e => e.ActorId is not null).Select(e => e.ActorId!.Value).Distinct().ToList();
        var patientIds = items.Where(e => e.PatientId is not null).Select(e => e.PatientId!.Value).Distinct().ToList();
        var emails = await db.Users.Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        var records = await db.Patients.Where(p => patientIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.RecordNumber, ct);
        return items.Select(e => new Row(e, e.ActorId is { } a ? emails.GetValueOrDefault(a) : null,
            e.PatientId is { } pid ? records.GetValueOrDefault(pid) : null)).ToList();
    }
}
