using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ProgressTracker.Web.Features.Auth;

public sealed record LoginRequest(string? Email, string? Password);
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>
/// Bearer tokens for API clients. Only login and refresh are exposed: accounts are created by staff or the
/// `users add` command, never by open self-registration.
/// </summary>
public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth").AllowAnonymous();
        group.MapPost("/login", LoginAsync).Produces<AccessTokenResponse>()
            .WithSummary("Exchange email and password for a bearer token.");
        group.MapPost("/refresh", RefreshAsync).Produces<AccessTokenResponse>()
            .WithSummary("Exchange a refresh token for a new bearer token.");
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request, SignInManager<AppUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            return Rejection.Invalid("Send both 'email' and 'password'.").ToProblem();
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email.Trim(), request.Password, false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.Empty; // the bearer handler has written the token response
        return new Rejection(RejectionKind.Unauthenticated, "Sign-in failed", result.IsLockedOut
            ? "Too many failed attempts; this account is locked for a few minutes."
            : "The email or password is not correct.").ToProblem();
    }

    private static async Task<Results<SignInHttpResult, ChallengeHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer,
        TimeProvider clock)
    {
        if (string.IsNullOrEmpty(request.RefreshToken))
            return Rejection.Invalid("Send the 'refreshToken' you received at login.").ToProblem();
        var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            return TypedResults.Challenge();
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
