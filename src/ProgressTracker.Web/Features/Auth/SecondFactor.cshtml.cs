using Microsoft.AspNetCore.RateLimiting;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Auth;

/// <summary>The sign-in step after the password for an account with an authenticator app: its code or a recovery code.</summary>
[EnableRateLimiting(RateLimitPolicies.Login)]
public sealed class SecondFactorModel(AppSignInManager signIn, SignInEvents events) : PageModel
{
    public string? Error { get; private set; }
    public string ReturnUrl { get; private set; } = "/"; // "/" sends each audience to its own start page

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Auth/Login") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? recoveryCode, string? returnUrl,
        CancellationToken ct)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return RedirectToPage("/Auth/Login");
        var useRecovery = !string.IsNullOrWhiteSpace(recoveryCode);
        if (!useRecovery && string.IsNullOrWhiteSpace(code))
        {
            Error = "Enter the 6-digit code from your authenticator app, or a recovery code.";
            return Page();
        }
        var result = useRecovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(recoveryCode!.Trim())
            : await signIn.TwoFactorAuthenticatorSignInAsync(code!.Replace(" ", "", StringComparison.Ordinal).Trim(),
                isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await events.SucceededAsync(user, useRecovery ? "page: recovery code" : "page: authenticator", ct);
            return LocalRedirect(ReturnUrl);
        }
        await events.FailedAsync(user, result, "page: second factor", ct);
        if (result.IsLockedOut) return RedirectToPage("/Auth/Login"); // same generic answer as a wrong password
        Error = "That code is not correct. Codes change every 30 seconds; try the current one.";
        return Page();
    }

    private string SafeReturnUrl(string? url) => Url.IsLocalUrl(url) ? url! : "/";
}
