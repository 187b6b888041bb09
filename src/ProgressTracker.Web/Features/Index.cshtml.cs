namespace ProgressTracker.Web.Features;

public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Patients/Index");
}
