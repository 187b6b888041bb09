using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProgressTracker.Web.Features;

public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Patients/Index");
}
