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
        if (!options.SecondFactorRequired) return Verdict.Passed;
        var roles = await users.GetRolesAsync(user);
        return roles.Any(r => StaffRoles.All.Contains(r, StringComparer.Ordinal)) ? Verdict.NotEnrolled : Verdict.Passed;
    }
}
