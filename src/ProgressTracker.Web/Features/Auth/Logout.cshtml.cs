namespace ProgressTracker.Web.Features.Auth;

public sealed class LogoutModel(SignInEvents events) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Auth/Login");

    /// <summary>Ends every session of the account (see <see cref="SignInEvents.SignOutAsync"/>), not only this cookie.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await events.SignOutAsync(User, ct);
        return RedirectToPage("/Auth/Login");
    }
}
