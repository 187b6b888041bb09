namespace ProgressTracker.Web.Domain;

public enum AuditOutcome { Ok, Denied, Failed }

/// <summary>
/// One line of the append-only audit trail: who did what to which resource, when, from where, with what outcome.
/// Requests only ever insert; a sealer then gives each entry its place in the chain (<see cref="Sequence"/>) and
/// the hash over its content and the previous entry's hash, so an edited or deleted row breaks the chain.
/// No photo content, no passwords, and patients only as ids.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>Position in the hash chain; null until sealed (within about a second).</summary>
    public long? Sequence { get; set; }
    public DateTimeOffset At { get; init; }
    public Guid? ActorId { get; init; }
    public string? ActorRole { get; init; }
    /// <summary>Dotted lower-case, e.g. <c>photo.viewed</c>, <c>sign-in.failed</c>; see AuditActions.</summary>
    public required string Action { get; init; }
    public string? ResourceType { get; init; }
    public string? ResourceId { get; init; }
    public Guid? PatientId { get; init; }
    public AuditOutcome Outcome { get; init; }
    public string? Ip { get; init; }
    /// <summary>A short detail without personal data, e.g. the media variant or the new role.</summary>
    public string? Detail { get; init; }
    public string? PreviousHash { get; set; }
    public string? Hash { get; set; }
}
