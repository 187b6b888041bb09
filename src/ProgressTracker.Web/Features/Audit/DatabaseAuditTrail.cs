namespace ProgressTracker.Web.Features.Audit;

/// <summary>
/// Builds the row from the event and the current request and hands it to <see cref="AuditWriter"/>, which inserts it
/// through its own DbContext, so an audit write never saves (or is rolled back with) the half-done changes of the
/// request's context. The chain hash is added later by the sealer: the request neither waits for an insert nor
/// takes a lock on the chain (docs/benchmarks.md has the figures).
/// </summary>
public sealed class DatabaseAuditTrail(AuditWriter writer, IHttpContextAccessor http, TimeProvider clock)
    : IAuditTrail
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
        if (entry.Action == AuditActions.AccessDenied && context is not null) context.Items[DeniedRecorded] = true;
        await writer.WriteAsync(row, CancellationToken.None); // a cancelled request still leaves its trace
    }
}
