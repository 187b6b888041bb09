using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>
/// Bearer access tokens in the framework's own format (so its bearer handler reads them), paired with our
/// server-side refresh token instead of the framework's stateless one, which could not be revoked.
/// </summary>
public sealed class AccessTokens(AppSignInManager signIn, RefreshTokens refresh,
    IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
{
    /// <summary>Tokens for a fresh sign-in: a new refresh-token family.</summary>
    public async Task<AccessTokenResponse> IssueAsync(AppUser user, CancellationToken ct) =>
        await IssueAsync(user, await refresh.IssueAsync(user, ct));

    public async Task<AccessTokenResponse> IssueAsync(AppUser user, string refreshToken)
    {
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var properties = new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow() + options.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(principal, properties, $"{IdentityConstants.BearerScheme}:AccessToken");
        return new AccessTokenResponse
        {
            AccessToken = options.BearerTokenProtector.Protect(ticket),
            ExpiresIn = (long)options.BearerTokenExpiration.TotalSeconds,
            RefreshToken = refreshToken,
        };
    }
}
