using Microsoft.AspNetCore.RateLimiting;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Auth;

[EnableRateLimiting(RateLimitPolicies.Login)]
public sealed class LoginModel(PasswordCheck passwords, AppSignInManager signIn, SignInEvents events) : PageModel
{
    public string? Email { get; private set; }
    public string? Error { get; private set; }
    public string ReturnUrl { get; private set; } = "/patients";

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

    /// <summary>Only local paths: a crafted link must not bounce a user to another site after signing in.</summary>
    private string SafeReturnUrl(string? url) => Url.IsLocalUrl(url) && url != "/" ? url! : "/patients";
}
