namespace ProgressTracker.Web.Features.Audit;

/// <summary>
/// Inserts one row per event through its own DbContext, so an audit write never saves (or is rolled back with)
/// the half-done changes of the request's context. The chain hash is added later by the sealer, so the request
/// pays for one small insert and takes no lock on the chain (docs/security-audit.md has the figures).
/// </summary>
public sealed class DatabaseAuditTrail(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock,
    AuditSealer sealer, ILogger<DatabaseAuditTrail> log) : IAuditTrail
{
    /// <summary>Set on a request once it has an access.denied entry, so the status-code safety net adds no second.</summary>
    public const string DeniedRecorded = "audit.denied-recorded";

    public async Task RecordAsync(AuditEvent entry, CancellationToken ct = default)
    {
        var context = http.HttpContext;
        var user = context?.User;
        var row = new AuditEntry
        {
            At = AuditChain.Truncate(clock.GetUtcNow()),
            ActorId = entry.ActorId ?? (user is null ? null : CurrentUser.Id(user)),
            ActorRole = entry.ActorRole ?? (user is null ? null : Roles.All.FirstOrDefault(user.IsInRole)),
            Action = entry.Action,
            ResourceType = entry.ResourceType,
            ResourceId = entry.ResourceId,
            PatientId = entry.PatientId,
            Outcome = entry.Outcome,
            Ip = context?.Connection.RemoteIpAddress?.ToString(),
            Detail = entry.Detail is { Length: > 500 } text ? text[..500] : entry.Detail,
        };
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AuditEntries.Add(row);
            await db.SaveChangesAsync(CancellationToken.None); // a cancelled request still leaves its trace
            if (entry.Action == AuditActions.AccessDenied && context is not null) context.Items[DeniedRecorded] = true;
            sealer.Nudge();
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            log.LogError(e, "Could not write audit entry {Action} for {ResourceType} {ResourceId}",
                entry.Action, entry.ResourceType, entry.ResourceId);
        }
    }
}
