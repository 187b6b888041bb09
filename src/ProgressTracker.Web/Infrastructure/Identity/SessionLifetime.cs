using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>
/// The absolute cap on a cookie session: the sign-in time travels in the cookie's properties (renewals and
/// refreshes keep it), and a session older than <see cref="AuthOptions.SessionLifetime"/> is ended however active.
/// </summary>
public static class SessionLifetime
{
    private const string IssuedAtKey = "pt.issued";

    public static Task StampIssuedAt(CookieSigningInContext ctx)
    {
        if (!ctx.Properties.Items.ContainsKey(IssuedAtKey))
        {
            var now = ctx.Options.TimeProvider?.GetUtcNow() ?? TimeProvider.System.GetUtcNow();
            ctx.Properties.Items[IssuedAtKey] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        }
        return Task.CompletedTask;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var options = ctx.HttpContext.RequestServices.GetRequiredService<AuthOptions>();
        var now = ctx.Options.TimeProvider?.GetUtcNow() ?? TimeProvider.System.GetUtcNow();
        if (!ctx.Properties.Items.TryGetValue(IssuedAtKey, out var raw)
            || !long.TryParse(raw, CultureInfo.InvariantCulture, out var issued)
            || now - DateTimeOffset.FromUnixTimeSeconds(issued) > options.SessionLifetime)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(ctx);
    }
}
