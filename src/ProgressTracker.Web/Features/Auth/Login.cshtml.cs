using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Features.Auth;

public sealed class LoginModel(SignInManager<AppUser> signIn) : PageModel
{
    public string? Email { get; private set; }
    public string? Error { get; private set; }
    public string ReturnUrl { get; private set; } = "/patients";

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        Email = email;
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            Error = "Enter your email and password.";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        Error = result.IsLockedOut
            ? "Too many failed attempts. This account is locked for a few minutes."
            : "The email or password is not correct.";
        return Page();
    }

    /// <summary>Only local paths: a crafted link must not bounce a user to another site after signing in.</summary>
    private string SafeReturnUrl(string? url) => Url.IsLocalUrl(url) && url != "/" ? url! : "/patients";
}
