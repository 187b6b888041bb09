using Microsoft.AspNetCore.Mvc.Filters;

namespace ProgressTracker.Web.Features.Portal;

/// <summary>
/// A portal page: the signed-in patient's own record, loaded and checked before any handler runs. There is no id
/// in a portal URL, so there is nothing to guess; an account without a linked record sees 404.
/// </summary>
public abstract class PortalPageModel(RecordAccess access) : PageModel
{
    public Patient Patient { get; private set; } = null!;

    protected RecordAccess Access { get; } = access;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context,
        PageHandlerExecutionDelegate next)
    {
        var found = await Access.OwnPatientAsync(User, HttpContext.RequestAborted);
        if (found.Failed(out _, out var patient))
        {
            context.Result = NotFound();
            return;
        }
        Patient = patient;
        await next();
    }
}
