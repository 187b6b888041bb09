using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>What every way of signing in and out records: the audit trail, the last sign-in, and ending sessions.</summary>
public sealed class SignInEvents(UserManager<AppUser> users, AppSignInManager signIn, RefreshTokens refresh,
    AccountStates states, IAuditTrail audit, TimeProvider clock)
{
    public async Task SucceededAsync(AppUser user, string method, CancellationToken ct)
    {
        user.LastSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        await audit.RecordAsync(new AuditEvent(AuditActions.SignInSucceeded, ActorId: user.Id, Detail: method), ct);
    }

    /// <summary>The audit says what happened (locked, deactivated); the caller is told nothing more than "failed".</summary>
    public Task FailedAsync(AppUser? user, SignInResult result, string method, CancellationToken ct) =>
        audit.RecordAsync(new AuditEvent(result.IsLockedOut ? AuditActions.SignInLocked : AuditActions.SignInFailed,
            AuditOutcome.Denied, ActorId: user?.Id,
            Detail: user is null ? $"{method}: unknown account" : result.IsNotAllowed ? $"{method}: not allowed" : method),
            ct);

    /// <summary>
    /// Ends every session of the account: refresh tokens revoked, and the security stamp changed so every cookie and
    /// access token (including a copy taken before sign-out) is refused — at once in this process, within the
    /// account check interval in others. Cookies are otherwise stateless: clearing the browser's copy is not enough.
    /// </summary>
    public async Task SignOutAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (CurrentUser.Id(principal) is { } id && await users.FindByIdAsync(id.ToString()) is { } user)
        {
            await refresh.RevokeAllAsync(user.Id, RefreshTokens.Reasons.SignOut, ct);
            await users.UpdateSecurityStampAsync(user);
            states.Forget(user.Id);
            await audit.RecordAsync(new AuditEvent(AuditActions.SignedOut, ActorId: user.Id), ct);
        }
        await signIn.SignOutAsync();
    }
}
