using Microsoft.AspNetCore.Antiforgery;

namespace ProgressTracker.Web.Features.Shared.Api;

/// <summary>
/// A browser attaches the sign-in cookie to any request, even one another site makes it send, so an API call that
/// changes something and is signed in by cookie must carry the page's antiforgery token (in the antiforgery header).
/// A bearer token is never attached by the browser on its own, so API clients need no token.
/// </summary>
/// <remarks>
/// The framework's own check runs only for endpoints that bind form parameters; the upload (which reads its form
/// itself, to give precise errors) and the export request add this filter instead.
/// </remarks>
public sealed class AntiforgeryForCookieCallers(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (IdentityServices.UsesBearerToken(http.Request)) return await next(context);
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Rejection.Invalid(
                "A request signed in with the browser cookie must send the page's antiforgery token; reload the " +
                "page and try again. API clients sign in with a bearer token instead.",
                "Antiforgery token missing or invalid").ToProblem();
        }
        return await next(context);
    }
}
