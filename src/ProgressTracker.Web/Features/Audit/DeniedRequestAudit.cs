using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ProgressTracker.Web.Features.Audit;

/// <summary>
/// The safety net for "every denied request": a response of 403, a page sent to the access-denied page, or a 401
/// to a caller who presented a credential (a token or the sign-in cookie) becomes one access.denied entry with the
/// method and path (never the query string, which may carry search terms). Skipped: a 401 to a caller who presented
/// nothing (every expired tab, scanner and anonymous /health probe — no person to name), requests that already
/// recorded their own access.denied (RecordAccess does, with the resource), and refusals answered as 404 for
/// secrecy, which only the code that refused knows about.
/// </summary>
public sealed class DeniedRequestAudit(RequestDelegate next, IAuditTrail audit,
    IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    public async Task InvokeAsync(HttpContext ctx)
    {
        await next(ctx);
        if (!IsDenied(ctx) || ctx.Items.ContainsKey(DatabaseAuditTrail.DeniedRecorded)) return;
        await audit.RecordAsync(new AuditEvent(AuditActions.AccessDenied, AuditOutcome.Denied,
            Detail: $"{ctx.Request.Method} {ctx.Request.Path} → {ctx.Response.StatusCode}"), CancellationToken.None);
    }

    private bool IsDenied(HttpContext ctx)
    {
        var response = ctx.Response;
        return response.StatusCode switch
        {
            StatusCodes.Status403Forbidden => true,
            StatusCodes.Status401Unauthorized => PresentedCredential(ctx.Request),
            StatusCodes.Status302Found => string.Equals(PathOf(response.Headers.Location.ToString()),
                cookies.Get(IdentityConstants.ApplicationScheme).AccessDeniedPath.Value, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>The cookie handler redirects to an absolute URL with a ReturnUrl; only its path matters.</summary>
    private static string PathOf(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) ? uri.AbsolutePath : location.Split('?')[0];

    private bool PresentedCredential(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 ||
        request.Cookies.ContainsKey(cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? ".AspNetCore.Identity.Application");
}
