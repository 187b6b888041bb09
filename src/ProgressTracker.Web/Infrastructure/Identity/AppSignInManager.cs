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

    /// <summary>After our own password check: sign in, or start the second-factor step when the account has one.</summary>
    public Task<SignInResult> CompletePasswordSignInAsync(AppUser user) => SignInOrTwoFactorAsync(user, isPersistent: false);
}
