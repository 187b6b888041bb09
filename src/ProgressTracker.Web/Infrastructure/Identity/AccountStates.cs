using System.Collections.Concurrent;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>What a request needs to know about its account, loaded once per user per half check interval.</summary>
public sealed record AccountState(string? SecurityStamp, bool CanSignIn, bool HasSecondFactor);

/// <summary>
/// A small per-process cache of account states, so every cookie and bearer request can be checked against
/// deactivation, lockout and the security stamp without a database read each time. An entry lives half of
/// <see cref="AuthOptions.AccountCheckInterval"/>; a mismatching stamp reloads at once, so a stale entry can only
/// let a revoked session through for that long, never refuse a fresh one.
/// </summary>
public sealed class AccountStates(IServiceScopeFactory scopes, TimeProvider clock, AuthOptions options)
{
    private readonly ConcurrentDictionary<Guid, (DateTimeOffset LoadedAt, AccountState? State)> _cache = new();

    public async Task<AccountState?> GetAsync(Guid userId, CancellationToken ct, bool fresh = false)
    {
        var now = clock.GetUtcNow();
        if (!fresh && _cache.TryGetValue(userId, out var hit) && now - hit.LoadedAt < options.AccountCheckInterval / 2)
            return hit.State;
        var state = await LoadAsync(userId, now, ct);
        _cache[userId] = (now, state);
        return state;
    }

    /// <summary>Call after changing an account in this process (sign-out, second factor enrolled).</summary>
    public void Forget(Guid userId) => _cache.TryRemove(userId, out _);

    private async Task<AccountState?> LoadAsync(Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.DeactivatedAt, u.LockoutEnd, u.TwoFactorEnabled })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var hasPasskey = await db.UserPasskeys.AnyAsync(p => p.UserId == userId, ct);
        var lockedOut = row.LockoutEnd is { } end && end > now;
        return new AccountState(row.SecurityStamp, row.DeactivatedAt is null && !lockedOut,
            row.TwoFactorEnabled || hasPasskey);
    }
}
