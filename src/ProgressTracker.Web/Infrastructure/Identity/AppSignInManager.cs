using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
using Microsoft.Extensions.Options;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in rules plus ours: a deactivated account cannot sign in, and a deactivated or locked-out account
/// fails the security-stamp check, so its cookies stop working at the next check.
/// </summary>
public sealed class AppSignInManager(UserManager<AppUser> users, IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<AppUser> claims, IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> log,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, context, claims, options, log, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task<bool> ValidateSecurityStampAsync(AppUser? user, string? securityStamp) =>
        user is { IsActive: true }
        && !await UserManager.IsLockedOutAsync(user)
        && await base.ValidateSecurityStampAsync(user, securityStamp);

    /// <summary>Passkey attestation, with the reason for a refusal logged (the page only says it failed).</summary>
    public override async Task<PasskeyAttestationResult> PerformPasskeyAttestationAsync(string credentialJson)
    {
        var result = await base.PerformPasskeyAttestationAsync(credentialJson);
        if (!result.Succeeded) Logger.LogWarning("Passkey not added: {Reason}", result.Failure.Message);
        return result;
    }

    /// <summary>After our own password check: sign in, or start the second-factor step when the account has one.</summary>
    public Task<SignInResult> CompletePasswordSignInAsync(AppUser user) => SignInOrTwoFactorAsync(user, isPersistent: false);

    /// <summary>Ours, so that every way in refuses deactivated and locked-out accounts.</summary>
    public override async Task<SignInResult> PasskeySignInAsync(string credentialJson) =>
        (await SignInWithPasskeyAsync(credentialJson)).Result;

    /// <summary>
    /// A passkey sign-in: the assertion must answer the challenge this browser was given (kept in Identity's short
    /// two-factor cookie), then the same account checks as a password. A passkey with user verification is both
    /// factors, so no second step follows. The user is returned, when known, for the audit trail.
    /// </summary>
    public async Task<(SignInResult Result, AppUser? User)> SignInWithPasskeyAsync(string? credentialJson)
    {
        if (string.IsNullOrWhiteSpace(credentialJson)) return (SignInResult.Failed, null);
        PasskeyAssertionResult<AppUser> assertion;
        try
        {
            assertion = await PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            return (SignInResult.Failed, null); // no challenge underway: expired, already used, or never asked for
        }
        if (!assertion.Succeeded)
        {
            Logger.LogInformation("Passkey sign-in refused: {Reason}", assertion.Failure.Message);
            return (SignInResult.Failed, null);
        }
        var user = assertion.User;
        if (await PreSignInCheck(user) is { } refused) return (refused, user);
        // The new signature counter is stored, so a cloned authenticator that replays an older count is refused.
        if (!(await UserManager.AddOrUpdatePasskeyAsync(user, assertion.Passkey)).Succeeded)
            return (SignInResult.Failed, user);
        await UserManager.ResetAccessFailedCountAsync(user);
        await SignInWithClaimsAsync(user, isPersistent: false,
            [new Claim("amr", "mfa"), new Claim(ClaimTypes.AuthenticationMethod, "passkey")]);
        return (SignInResult.Success, user);
    }
}
