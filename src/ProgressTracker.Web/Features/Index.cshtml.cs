namespace ProgressTracker.Web.Features;

/// <summary>"/": each audience's own start page.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        var caller = Caller.From(User);
        if (caller.IsStaff) return Redirect("/patients");
        if (caller.IsPatient && caller.PatientId is not null) return Redirect("/me");
        if (caller.IsMarketing) return Redirect("/marketing");
        return Redirect("/access-denied");
    }
}
