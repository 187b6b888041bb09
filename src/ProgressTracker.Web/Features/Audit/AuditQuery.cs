namespace ProgressTracker.Web.Features.Audit;

/// <summary>What to list: each filter optional; <see cref="To"/> is exclusive.</summary>
public sealed record AuditFilter(Guid? ActorId = null, Guid? PatientId = null, string? Action = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>One entry as the API and the CSV show it (API.md, plus the detail).</summary>
public sealed record AuditEntryDto(long? Sequence, DateTimeOffset At, Guid? ActorId, string? ActorRole, string Action,
    string? ResourceType, string? ResourceId, Guid? PatientId, AuditOutcome Outcome, string? Ip, string? Detail)
{
    public static AuditEntryDto From(AuditEntry e) => new(e.Sequence, e.At, e.ActorId, e.ActorRole, e.Action,
        e.ResourceType, e.ResourceId, e.PatientId, e.Outcome, e.Ip, e.Detail);
}

/// <summary>The filtered trail, newest first; the page, the API and the CSV share it.</summary>
public sealed class AuditQuery(AppDbContext db)
{
    public async Task<(IReadOnlyList<AuditEntry> Items, int Total)> PageAsync(AuditFilter filter, int page, int pageSize,
        CancellationToken ct)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }

    /// <summary>Every matching entry, streamed so a large export never sits in memory.</summary>
    public IAsyncEnumerable<AuditEntry> AllAsync(AuditFilter filter) => Filtered(filter).AsAsyncEnumerable();

    private IQueryable<AuditEntry> Filtered(AuditFilter f)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (f.ActorId is { } actor) q = q.Where(e => e.ActorId == actor);
        if (f.PatientId is { } patient) q = q.Where(e => e.PatientId == patient);
        if (!string.IsNullOrEmpty(f.Action)) q = q.Where(e => e.Action == f.Action);
        if (f.From is { } from) q = q.Where(e => e.At >= from);
        if (f.To is { } to) q = q.Where(e => e.At < to);
        return q.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
    }
}
