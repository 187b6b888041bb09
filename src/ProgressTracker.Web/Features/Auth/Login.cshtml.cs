using Microsoft.AspNetCore.RateLimiting;
using ProgressTracker.Web.Infrastructure.Hosting;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace ProgressTracker.Web.Features.Auth;

[EnableRateLimiting(RateLimitPolicies.Login)]
public sealed class LoginModel(PasswordCheck passwords, AppSignInManager signIn, SignInEvents events,
    SecondFactorCheck secondFactor, PasskeySettings passkeys) : PageModel
{
    public const string PasskeyNotAccepted =
        "That passkey was not accepted. It may have been removed from your account: sign in with your email and " +
        "password instead, or try another passkey.";

    public const string PasskeyRequired =
        "Your account's second factor is a passkey, so the password alone is not enough: use \u201cSign in with a " +
        "passkey\u201d below.";

    public string? Email { get; private set; }
    public string? Error { get; private set; }
    public string ReturnUrl { get; private set; } = "/"; // "/" sends each audience to its own start page
    public bool PasskeysUsable => passkeys.UsableOn(Request);

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl, CancellationToken ct)
    {
        Email = email;
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            Error = "Enter your email and password.";
            return Page();
        }
        var outcome = await passwords.CheckAsync(email, password);
        if (outcome is { Succeeded: true, User: { } passkeyUser } && await secondFactor.PasskeyRequiredAsync(passkeyUser))
        {
            await events.FailedAsync(passkeyUser, SignInResult.Failed, "page: password without passkey", ct);
            Error = PasskeyRequired;
            return Page();
        }
        var result = outcome is { Succeeded: true, User: { } user }
            ? await signIn.CompletePasswordSignInAsync(user)
            : outcome.Result;
        if (result.RequiresTwoFactor) return RedirectToPage("/Auth/SecondFactor", new { returnUrl = ReturnUrl });
        if (!result.Succeeded)
        {
            await events.FailedAsync(outcome.User, result, "page", ct);
            Error = AuthEndpoints.SignInFailed;
            return Page();
        }
        await events.SucceededAsync(outcome.User!, "page: password", ct);
        // Staff who still need a second factor are sent on to enrol by AccountChecks.
        return LocalRedirect(ReturnUrl);
    }

    /// <summary>
    /// The challenge for navigator.credentials.get(), for any passkey of this site (no email first); a POST with
    /// the antiforgery token, as it sets the short-lived cookie that holds the challenge.
    /// </summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    /// <summary>The browser's answer to that challenge; on success the same path as a password sign-in.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credential, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (string.IsNullOrWhiteSpace(credential))
        {
            Error = "No passkey was received. Passkeys need JavaScript and a browser that supports them.";
            return Page();
        }
        var (result, user) = await signIn.SignInWithPasskeyAsync(credential);
        if (!result.Succeeded)
        {
            await events.FailedAsync(user, result, "page: passkey", ct);
            // An accepted passkey of a locked or deactivated account gets the common answer, like a right password.
            Error = user is null ? PasskeyNotAccepted : AuthEndpoints.SignInFailed;
            return Page();
        }
        await events.SucceededAsync(user!, "page: passkey", ct);
        return LocalRedirect(ReturnUrl);
    }

    /// <summary>Only local paths: a crafted link must not bounce a user to another site after signing in.</summary>
    private string SafeReturnUrl(string? url) => Url.IsLocalUrl(url) ? url! : "/";
}
