using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>
/// The second step of an API sign-in, after the password: the authenticator-app code (or a recovery code) when the
/// account has one, and a refusal for staff without one when a second factor is required.
/// </summary>
public sealed class SecondFactorCheck(UserManager<AppUser> users, AuthOptions options)
{
    public enum Verdict { Passed, Missing, NotEnrolled, Wrong }

    public async Task<Verdict> CheckAsync(AppUser user, string? code)
    {
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrWhiteSpace(code)) return Verdict.Missing;
            var digits = code.Replace(" ", "", StringComparison.Ordinal).Trim();
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits)
                || (await users.RedeemTwoFactorRecoveryCodeAsync(user, code.Trim())).Succeeded)
                return Verdict.Passed;
            await users.AccessFailedAsync(user); // guessing codes counts towards the lockout like guessing passwords
            return Verdict.Wrong;
        }
        // A passkey cannot be used here: staff whose only second factor is one sign in to the API via an app code.
        return options.SecondFactorRequired && await IsStaffAsync(user) ? Verdict.NotEnrolled : Verdict.Passed;
    }

    /// <summary>
    /// Staff whose only second factor is a passkey: the password alone must not sign them in (the account check
    /// counts the passkey as enrolled), so they sign in with the passkey itself.
    /// </summary>
    public async Task<bool> PasskeyRequiredAsync(AppUser user) =>
        options.SecondFactorRequired && !await users.GetTwoFactorEnabledAsync(user) && await IsStaffAsync(user)
        && (await users.GetPasskeysAsync(user)).Count > 0;

    private async Task<bool> IsStaffAsync(AppUser user) =>
        (await users.GetRolesAsync(user)).Any(r => StaffRoles.All.Contains(r, StringComparer.Ordinal));
}
