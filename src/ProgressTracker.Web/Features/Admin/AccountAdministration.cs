using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Features.Admin;

/// <summary>
/// What an admin changes on an account: its roles, whether it is active, its second factor. Each change that takes
/// access away updates the security stamp (cookies and access tokens then fail their next check) and revokes the
/// account's refresh tokens. The clinic is never left without an active admin, and an admin never locks themself out.
/// </summary>
public sealed class AccountAdministration(UserManager<AppUser> users, RefreshTokens tokens, TimeProvider clock,
    IAuditTrail audit)
{
    public async Task<Rejection?> ChangeRolesAsync(string rawId, IReadOnlyList<string>? requested, ClaimsPrincipal actor,
        CancellationToken ct)
    {
        if ((await FindAsync(rawId)).Failed(out var missing, out var user)) return missing;
        var requestedRoles = requested ?? [];
        if (requestedRoles.Any(r => Roles.Normalize(r) is null))
            return Rejection.Invalid(
                $"Unknown role '{requestedRoles.First(r => Roles.Normalize(r) is null)}'; use {string.Join(", ", Roles.All)}.", "Unknown role");
        var roles = requestedRoles.Select(r => Roles.Normalize(r)!).Distinct().ToList();
        if (roles.Count == 0) return Rejection.Invalid("Give the account at least one role.", "No role");
        var current = await users.GetRolesAsync(user);
        var losesAdmin = current.Contains(Roles.Admin) && !roles.Contains(Roles.Admin);
        if (losesAdmin && IsSelf(user, actor))
            return Rejection.Conflict("You cannot remove your own Admin role; ask another admin.", "Cannot demote yourself");
        if (losesAdmin && user.IsActive && await OtherActiveAdminsAsync(user) == 0)
            return LastAdmin();
        if (current.Order().SequenceEqual(roles.Order())) return null;

        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)));
        Check(await users.AddToRolesAsync(user, roles.Except(current)));
        Check(await users.UpdateSecurityStampAsync(user));
        await tokens.RevokeAllAsync(user.Id, RefreshTokens.Reasons.RoleChanged, ct);
        await RecordAsync(AuditActions.RoleChanged, user, string.Join(",", roles).ToLowerInvariant(), ct);
        return null;
    }

    public async Task<Rejection?> DeactivateAsync(string rawId, ClaimsPrincipal actor, CancellationToken ct)
    {
        if ((await FindAsync(rawId)).Failed(out var missing, out var user)) return missing;
        if (IsSelf(user, actor))
            return Rejection.Conflict("You cannot deactivate your own account; ask another admin.",
                "Cannot deactivate yourself");
        if (!user.IsActive) return null;
        if (await users.IsInRoleAsync(user, Roles.Admin) && await OtherActiveAdminsAsync(user) == 0) return LastAdmin();

        user.DeactivatedAt = clock.GetUtcNow();
        Check(await users.UpdateSecurityStampAsync(user)); // saves DeactivatedAt too
        await tokens.RevokeAllAsync(user.Id, RefreshTokens.Reasons.Deactivated, ct);
        await RecordAsync(AuditActions.AccountDeactivated, user, null, ct);
        return null;
    }

    public async Task<Rejection?> ReactivateAsync(string rawId, CancellationToken ct)
    {
        if ((await FindAsync(rawId)).Failed(out var missing, out var user)) return missing;
        if (user.IsActive) return null;
        user.DeactivatedAt = null;
        Check(await users.UpdateAsync(user));
        await RecordAsync(AuditActions.AccountReactivated, user, null, ct);
        return null;
    }

    /// <summary>
    /// For a lost phone or passkey: the authenticator key is replaced, two-factor sign-in switched off, passkeys
    /// removed and the recovery codes replaced by none; the person enrols again at their next sign-in.
    /// </summary>
    public async Task<Rejection?> ResetSecondFactorAsync(string rawId, CancellationToken ct)
    {
        if ((await FindAsync(rawId)).Failed(out var missing, out var user)) return missing;
        Check(await users.ResetAuthenticatorKeyAsync(user)); // also updates the security stamp
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        foreach (var passkey in await users.GetPasskeysAsync(user))
            Check(await users.RemovePasskeyAsync(user, passkey.CredentialId));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await tokens.RevokeAllAsync(user.Id, RefreshTokens.Reasons.SecondFactorReset, ct);
        await RecordAsync(AuditActions.SecondFactorReset, user, null, ct);
        return null;
    }

    private async Task<Result<AppUser>> FindAsync(string rawId)
    {
        if (!Guid.TryParse(rawId, out var id)) return Rejection.InvalidId("account", rawId);
        return await users.FindByIdAsync(id.ToString()) is { } user ? user : Rejection.NotFound("account", rawId);
    }

    private async Task<int> OtherActiveAdminsAsync(AppUser user) =>
        (await users.GetUsersInRoleAsync(Roles.Admin)).Count(a => a.Id != user.Id && a.IsActive);

    private static bool IsSelf(AppUser user, ClaimsPrincipal actor) => CurrentUser.Id(actor) == user.Id;

    private static Rejection LastAdmin() =>
        Rejection.Conflict("This is the last active admin account. Make another account admin first.",
            "Last admin");

    private Task RecordAsync(string action, AppUser user, string? detail, CancellationToken ct) =>
        audit.RecordAsync(new AuditEvent(action, ResourceType: "account", ResourceId: user.Id.ToString(),
            Detail: detail), ct);

    /// <summary>Identity refusing a change we validated is a bug, not a user error.</summary>
    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
