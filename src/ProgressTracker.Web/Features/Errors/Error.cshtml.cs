using Microsoft.AspNetCore.Authorization;

namespace ProgressTracker.Web.Features.Errors;

/// <summary>Friendly error page for people; API callers get ProblemDetails instead. No stack traces.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = "The page could not be shown. Please try again; nothing you saved was lost.";

    public void OnGet(int? status) => Describe(status);
    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        if (status == 404)
        {
            Title = "Not found";
            Message = "This page does not exist, or you do not have access to it.";
        }
        else if (status == 403)
        {
            Title = "Not allowed";
            Message = "Your account does not have access to this page.";
        }
        else if (status == 503 || Response.StatusCode == 503)
        {
            Title = "Temporarily unavailable";
            Message = "A service the app depends on is not answering. Please try again in a few seconds; " +
                      "nothing you saved was lost.";
        }
        else if (status == 429)
        {
            Title = "Too many attempts";
            Message = "Please wait a minute, then try again.";
        }
        else if (status is >= 400 and < 500)
        {
            Title = "The request could not be handled";
            Message = "Please go back and try again.";
        }
    }
}
