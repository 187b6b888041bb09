namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>
/// A refresh token kept server-side (only its SHA-256 is stored). Each use replaces it with a new one of the same
/// family; presenting a used token again revokes the whole family (it was stolen or replayed). The family's
/// <see cref="FamilyExpiresAt"/> caps a session however often it is refreshed.
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public Guid FamilyId { get; init; }
    /// <summary>Lower-case hex SHA-256 of the token the client holds.</summary>
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset FamilyExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>Why it was revoked: sign-out, replay, deactivation, password change, role change.</summary>
    public string? RevokedReason { get; set; }
}
