namespace ProgressTracker.Web.Features.Admin;

/// <summary>
/// Ends an account's API sessions: every refresh token still live is revoked, with the reason. (Cookies and access
/// tokens end through the security stamp, which the caller updates.)
/// </summary>
public sealed class AccountTokens(AppDbContext db, TimeProvider clock)
{
    public const string Deactivated = "deactivated";
    public const string RoleChanged = "role-changed";
    public const string SecondFactorReset = "second-factor-reset";

    public Task<int> RevokeAllAsync(Guid userId, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, reason), ct);
    }
}
