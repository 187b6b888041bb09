using Microsoft.AspNetCore.Antiforgery;
using ProgressTracker.Web.Features.Shared.Api;

namespace ProgressTracker.Web.Features.Exports;

/// <summary>
/// A browser signed in with the cookie sends it on every request, including one a hostile page makes it send, so a
/// cookie-authenticated call that changes something must carry this app's antiforgery token (header
/// <c>RequestVerificationToken</c>, from the page). Bearer-token callers are not exposed that way and need none.
/// </summary>
public sealed class CookieAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (!bearer && !await antiforgery.IsRequestValidAsync(http))
            return ApiProblems.BadRequest(
                "The request did not carry this page's antiforgery token. Reload the page and try again; API clients " +
                "sign in with a bearer token instead.", "Antiforgery token missing or invalid");
        return await next(context);
    }
}
