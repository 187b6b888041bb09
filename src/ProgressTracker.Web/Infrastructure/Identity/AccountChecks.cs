using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>
/// Runs after authentication on every request. (1) A cookie or bearer token whose account has been deactivated,
/// locked out or had its security stamp changed is treated as no sign-in at all; bearer tokens have no other
/// revocation. (2) When staff must have a second factor, a staff account without one reaches only the pages that
/// need no sign-in (login, sign-out, the security page where it enrols) until it has enrolled.
/// </summary>
public sealed class AccountChecks(RequestDelegate next, AccountStates states, AuthOptions options,
    IOptions<IdentityOptions> identity)
{
    public const string SecurityPage = "/account/security";
    public const string SecondFactorRequiredType = "urn:progresstracker:problem:second-factor-required";

    public async Task InvokeAsync(HttpContext ctx)
    {
        if (ctx.User.Identity?.IsAuthenticated == true && CurrentUser.Id(ctx.User) is { } userId)
        {
            var stamp = ctx.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
            var state = await states.GetAsync(userId, ctx.RequestAborted);
            if (state is not null && state.SecurityStamp != stamp)
                state = await states.GetAsync(userId, ctx.RequestAborted, fresh: true);
            if (state is null || !state.CanSignIn || state.SecurityStamp != stamp)
            {
                ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else if (options.SecondFactorRequired && !state.HasSecondFactor && StaffRoles.Includes(ctx.User)
                     && NeedsSignIn(ctx))
            {
                await RefuseUntilEnrolledAsync(ctx);
                return;
            }
        }
        await next(ctx);
    }

    private static bool NeedsSignIn(HttpContext ctx)
    {
        var endpoint = ctx.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return false;
        if (ctx.Request.Path.StartsWithSegments("/api/v1/me")) return false; // who am I: harmless, and useful to the page
        return endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null;
    }

    private static async Task RefuseUntilEnrolledAsync(HttpContext ctx)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
            await ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = ctx,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Type = SecondFactorRequiredType,
                    Title = "Second factor required",
                    Detail = $"Staff accounts need a second factor. Set one up at {SecurityPage} first.",
                },
            });
            return;
        }
        var returnUrl = ctx.Request.Path + ctx.Request.QueryString;
        ctx.Response.Redirect($"{SecurityPage}?returnUrl={Uri.EscapeDataString(returnUrl)}");
    }
}
