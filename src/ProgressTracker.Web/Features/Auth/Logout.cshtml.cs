using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Features.Auth;

public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Auth/Login");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Auth/Login");
    }
}
