namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>
/// Server-side refresh tokens (<see cref="RefreshToken"/>): opaque, single use, rotated on every refresh, the whole
/// family revoked when a used one comes back. Call <see cref="RevokeAllAsync"/> whenever an account's access
/// must end (sign-out, password or role change, deactivation).
/// </summary>
/// <remarks>
/// A token is "random.stamp-fingerprint": the fingerprint (a short hash of the account's security stamp when the
/// family began) lets a refresh notice a changed stamp without a column for it, and since only the hash of the
/// whole string is stored, a client cannot alter it.
/// </remarks>
public sealed class RefreshTokens(AppDbContext db, TimeProvider clock, AuthOptions options, IAuditTrail audit)
{
    public static class Reasons
    {
        public const string SignOut = "sign-out";
        public const string Replay = "replay";
        public const string Deactivated = "deactivated";
        public const string PasswordChanged = "password-change";
        public const string RoleChanged = "role-changed";
        public const string SecondFactorReset = "second-factor-reset";
        public const string StampChanged = "stamp-change";
        public const string AccountRefused = "account-refused";
    }

    public enum Failure { Unknown, Expired, Revoked, Replayed, StampChanged, AccountRefused }

    public sealed record Rotation(Guid UserId, string? Token, Failure? Failure);

    /// <summary>Starts a new family at sign-in.</summary>
    public Task<string> IssueAsync(AppUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return AddAsync(user.Id, Guid.CreateVersion7(), now + options.RefreshFamilyLifetime,
            Fingerprint(user.SecurityStamp), ct);
    }

    /// <summary>
    /// Spends <paramref name="token"/> and returns its successor in the same family, or why not. A token that was
    /// already spent revokes its whole family: either it was stolen, or the thief already used the successor.
    /// </summary>
    /// <param name="accountAllowed">Asked before the token is spent: a refused account (deactivated, locked out)
    /// loses the whole family, and a later retry is not mistaken for a replay.</param>
    public async Task<Rotation> RotateAsync(string token, Func<Guid, Task<bool>> accountAllowed, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = SecretTokens.Hash(token);
        var row = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (row is null) return new Rotation(Guid.Empty, null, Failure.Unknown);
        if (row.RevokedAt is not null) return new Rotation(row.UserId, null, Failure.Revoked);
        if (row.UsedAt is not null) return await ReplayedAsync(row, ct);
        if (now >= row.ExpiresAt || now >= row.FamilyExpiresAt) return new Rotation(row.UserId, null, Failure.Expired);
        if (!await accountAllowed(row.UserId))
        {
            await RevokeFamilyAsync(row.FamilyId, Reasons.AccountRefused, ct);
            return new Rotation(row.UserId, null, Failure.AccountRefused);
        }
        // Claimed in one statement: of two requests racing with the same token, one wins and the other is a replay.
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == row.Id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (claimed == 0) return await ReplayedAsync(row, ct);

        var stamp = await db.Users.Where(u => u.Id == row.UserId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct);
        var fingerprint = token[(token.IndexOf('.') + 1)..];
        if (stamp is null || fingerprint != Fingerprint(stamp))
        {
            await RevokeFamilyAsync(row.FamilyId, Reasons.StampChanged, ct);
            return new Rotation(row.UserId, null, Failure.StampChanged);
        }
        return new Rotation(row.UserId, await AddAsync(row.UserId, row.FamilyId, row.FamilyExpiresAt, fingerprint, ct), null);
    }

    /// <summary>Revokes every live refresh token of the account; returns how many.</summary>
    public Task<int> RevokeAllAsync(Guid userId, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, reason), ct);
    }

    private async Task<Rotation> ReplayedAsync(RefreshToken row, CancellationToken ct)
    {
        await RevokeFamilyAsync(row.FamilyId, Reasons.Replay, ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.TokenReplayed, AuditOutcome.Denied, "refresh-token-family",
            row.FamilyId.ToString(), ActorId: row.UserId), ct);
        return new Rotation(row.UserId, null, Failure.Replayed);
    }

    private Task<int> RevokeFamilyAsync(Guid familyId, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, reason), ct);
    }

    private async Task<string> AddAsync(Guid userId, Guid familyId, DateTimeOffset familyExpiresAt, string fingerprint,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var token = SecretTokens.New() + "." + fingerprint;
        var expires = now + options.RefreshTokenLifetime;
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = SecretTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = expires < familyExpiresAt ? expires : familyExpiresAt,
            FamilyExpiresAt = familyExpiresAt,
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    private static string Fingerprint(string? stamp) => SecretTokens.Hash("stamp:" + stamp)[..16];
}
