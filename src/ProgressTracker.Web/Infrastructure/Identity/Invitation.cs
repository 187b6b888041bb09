namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>
/// A one-time, expiring link that lets someone set the password of a new account with a given role (staff invited
/// by an admin; patients invited from their record, then <see cref="PatientId"/> links the account). Only the
/// token's SHA-256 is stored. Re-inviting the same address withdraws the earlier invitation.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Email { get; init; }
    public required string Role { get; init; }
    /// <summary>Lower-case hex SHA-256 of the token in the link.</summary>
    public required string TokenHash { get; init; }
    public Guid? PatientId { get; init; }
    public Guid? InvitedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public Guid? AcceptedUserId { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && WithdrawnAt is null && now < ExpiresAt;
}
