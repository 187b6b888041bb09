namespace ProgressTracker.Web.Features.Audit;

/// <summary>
/// What a feature says happened. Who (actor, role) and from where (IP) come from the current request unless given;
/// <see cref="ActorId"/> is given where the request is not signed in yet (a sign-in).
/// </summary>
public sealed record AuditEvent(string Action, AuditOutcome Outcome = AuditOutcome.Ok, string? ResourceType = null,
    string? ResourceId = null, Guid? PatientId = null, string? Detail = null, Guid? ActorId = null,
    string? ActorRole = null);

/// <summary>Appends entries to the audit trail. Never throws into the caller's request for a failed write.</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEvent entry, CancellationToken ct = default);
}
