namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// The takedown checklist: every copy of a withdrawn case that left the app, open until someone records how it was
/// removed. The clinic's proof that a withdrawal was acted on, copy by copy.
/// </summary>
public sealed class Takedowns(AppDbContext db, TimeProvider clock, IAuditTrail audit)
{
    public const int MaxNote = 300;

    public async Task<IReadOnlyList<TakedownDto>> ListAsync(string? status, CancellationToken ct)
    {
        var query = db.CaseCopies.AsNoTracking().Where(c => c.TakedownRequestedAt != null);
        if (status == "open") query = query.Where(c => c.RemovedAt == null);
        else if (status == "done") query = query.Where(c => c.RemovedAt != null);
        var copies = await query.OrderBy(c => c.RemovedAt != null).ThenByDescending(c => c.TakedownRequestedAt).Take(1000).ToListAsync(ct);
        var ids = copies.Select(c => c.CaseId).Distinct().ToList();
        var codes = await db.MarketingCases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        return copies.Select(c => Dto(c, codes.GetValueOrDefault(c.CaseId, ""))).ToList();
    }

    public async Task<Result<TakedownDto>> MarkDoneAsync(string rawId, string? note, Guid? userId, CancellationToken ct)
    {
        var copy = Guid.TryParse(rawId, out var id)
            ? await db.CaseCopies.SingleOrDefaultAsync(c => c.Id == id && c.TakedownRequestedAt != null, ct)
            : null;
        if (copy is null) return Rejection.NotFound("takedown", rawId);
        var text = note?.Trim();
        if (text is { Length: > MaxNote }) return Rejection.Invalid($"The note must be at most {MaxNote} characters.");
        copy.MarkRemoved(userId, string.IsNullOrEmpty(text) ? null : text, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.TakedownDone, ResourceType: "case", ResourceId: copy.CaseId.ToString(),
            PatientId: copy.PatientId, Detail: copy.What), ct);
        var code = await db.MarketingCases.AsNoTracking().Where(c => c.Id == copy.CaseId).Select(c => c.Code).SingleAsync(ct);
        return Dto(copy, code);
    }

    private static TakedownDto Dto(CaseCopy c, string code) => new(c.Id, c.CaseId, code, c.What, c.At, c.ByName,
        c.RemovedAt is null ? "open" : "done", c.TakedownRequestedAt!.Value, c.RemovedAt, c.RemovedNote);
}
