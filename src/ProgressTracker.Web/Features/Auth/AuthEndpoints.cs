using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Auth;

public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode = null);
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>
/// Bearer tokens for API clients: login, refresh and logout. Accounts are created by staff or the `users add`
/// command, never by open self-registration.
/// </summary>
public static class AuthEndpoints
{
    /// <summary>One answer for unknown accounts, wrong passwords, locked and deactivated accounts (no enumeration).</summary>
    public const string SignInFailed =
        "The email or password is not correct. After repeated failures, sign-in pauses for a few minutes.";

    public static void MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth").AllowAnonymous();
        group.MapPost("/login", LoginAsync).Produces<AccessTokenResponse>()
            .RequireRateLimiting(RateLimitPolicies.Login)
            .WithSummary("Exchange email, password (and the second-factor code when the account has one) for tokens.");
        group.MapPost("/refresh", RefreshAsync).Produces<AccessTokenResponse>()
            .RequireRateLimiting(RateLimitPolicies.Refresh)
            .WithSummary("Exchange a refresh token for new tokens; the refresh token can be used once.");
        api.MapPost("/auth/logout", LogoutAsync).WithTags("Auth")
            .AddEndpointFilter<AntiforgeryForCookieCallers>()
            .WithSummary("End the caller's sessions: refresh tokens revoked, access tokens and cookies refused.");
        api.MapMeEndpoint();
    }

    private static async Task<Results<Ok<AccessTokenResponse>, ProblemHttpResult>> LoginAsync(LoginRequest request,
        PasswordCheck passwords, SecondFactorCheck secondFactor, SignInEvents events, AccessTokens tokens,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            return Rejection.Invalid("Send both 'email' and 'password'.").ToProblem();
        var outcome = await passwords.CheckAsync(request.Email, request.Password);
        if (!outcome.Succeeded || outcome.User is not { } user)
        {
            await events.FailedAsync(outcome.User, outcome.Result, "api", ct);
            return Failed(SignInFailed);
        }
        switch (await secondFactor.CheckAsync(user, request.TwoFactorCode))
        {
            case SecondFactorCheck.Verdict.Missing:
                return SecondFactorRequired(
                    "This account has a second factor: send its current code (or a recovery code) as 'twoFactorCode'.");
            case SecondFactorCheck.Verdict.NotEnrolled:
                return SecondFactorRequired(
                    $"Staff accounts need an authenticator app as second factor to sign in here. Set it up at {AccountChecks.SecurityPage} first.");
            case SecondFactorCheck.Verdict.Wrong:
                await events.FailedAsync(user, SignInResult.Failed, "api: second factor", ct);
                return Failed("The second-factor code is not correct.");
        }
        await events.SucceededAsync(user, "api", ct);
        return TypedResults.Ok(await tokens.IssueAsync(user, ct));
    }

    private static async Task<Results<Ok<AccessTokenResponse>, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, RefreshTokens refresh, AccessTokens tokens, AppSignInManager signIn,
        UserManager<AppUser> users, IAuditTrail audit, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.RefreshToken))
            return Rejection.Invalid("Send the 'refreshToken' you received at login.").ToProblem();
        AppUser? user = null;
        var rotation = await refresh.RotateAsync(request.RefreshToken, async id =>
        {
            user = await users.FindByIdAsync(id.ToString());
            return user is not null && await signIn.CanSignInAsync(user) && !await users.IsLockedOutAsync(user);
        }, ct);
        if (rotation.Token is null || user is null)
            return Failed("The refresh token is not valid any more; sign in again.");
        await audit.RecordAsync(new AuditEvent(AuditActions.TokenRefreshed, ActorId: user.Id), ct);
        return TypedResults.Ok(await tokens.IssueAsync(user, rotation.Token));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, SignInEvents events, CancellationToken ct)
    {
        await events.SignOutAsync(http.User, ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Failed(string detail) =>
        new Rejection(RejectionKind.Unauthenticated, "Sign-in failed", detail).ToProblem();

    private static ProblemHttpResult SecondFactorRequired(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Second factor required",
            type: AccountChecks.SecondFactorRequiredType);
}
