namespace ProgressTracker.Web.Features.Admin;

/// <summary>
/// <c>/api/v1/admin/...</c>: staff accounts and invitations, Admin role only. Changes signed in by cookie must carry
/// the page's antiforgery token, as every cookie-signed change does.
/// </summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        admin.MapGet("/users", ListUsersAsync).WithSummary("Every account with its roles, state and second factor.");
        admin.MapGet("/invitations", ListInvitationsAsync).WithSummary("Open staff invitations.");

        var changes = admin.MapGroup("").AddEndpointFilter<AntiforgeryForCookieCallers>();
        changes.MapPost("/invitations", InviteAsync).WithSummary("Invite someone by a one-time, expiring link.");
        changes.MapDelete("/invitations/{id}", WithdrawAsync).WithSummary("Withdraw an open invitation.");
        changes.MapPut("/users/{id}/roles", ChangeRolesAsync).WithSummary("Replace an account's roles.");
        changes.MapPost("/users/{id}/deactivate", (string id, AccountAdministration accounts, ClaimsPrincipal user,
                CancellationToken ct) => NoContentOrProblem(accounts.DeactivateAsync(id, user, ct)))
            .WithSummary("Deactivate an account: its cookies and tokens stop working within 30 seconds.");
        changes.MapPost("/users/{id}/reactivate", (string id, AccountAdministration accounts, CancellationToken ct) =>
                NoContentOrProblem(accounts.ReactivateAsync(id, ct)))
            .WithSummary("Let a deactivated account sign in again.");
        changes.MapPost("/users/{id}/second-factor/reset", (string id, AccountAdministration accounts,
                CancellationToken ct) => NoContentOrProblem(accounts.ResetSecondFactorAsync(id, ct)))
            .WithSummary("Remove an account's authenticator, passkeys and recovery codes; it enrols again.");
    }

    /// <summary>Anonymous: the token in the link is the credential.</summary>
    public static void MapInvitationEndpoints(this IEndpointRouteBuilder api) =>
        api.MapPost("/invitations/accept", AcceptAsync).WithTags("Invitations").AllowAnonymous()
            .RequireRateLimiting(Infrastructure.Hosting.RateLimitPolicies.Invitation)
            .WithSummary("Set the password of an invited account; a used, expired or withdrawn link is 410.");

    private static async Task<Ok<AccountList>> ListUsersAsync(StaffDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await directory.ListAsync(ct));

    private static async Task<Ok<OpenInvitationList>> ListInvitationsAsync(Invitations invitations,
        CancellationToken ct)
    {
        var open = await invitations.ListOpenAsync(ct);
        return TypedResults.Ok(new OpenInvitationList(
            [.. open.Select(i => new OpenInvitationDto(i.Id, i.Email, i.Role.ToLowerInvariant(), i.CreatedAt, i.ExpiresAt))],
            open.Count));
    }

    private static async Task<Results<Created<InvitationDto>, ProblemHttpResult>> InviteAsync(InviteRequest request,
        Invitations invitations, HttpContext http, CancellationToken ct)
    {
        if ((await invitations.CreateAsync(request, CurrentUser.Id(http.User), ct)).Failed(out var rejection, out var made))
            return rejection.ToProblem();
        var i = made.Invitation;
        return TypedResults.Created($"/api/v1/admin/invitations/{i.Id}", new InvitationDto(i.Id, i.Email,
            i.Role.ToLowerInvariant(), invitations.LinkFor(made.Token, http.Request), i.ExpiresAt));
    }

    private static Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(string id, Invitations invitations,
        CancellationToken ct) => NoContentOrProblem(invitations.WithdrawAsync(id, ct));

    private static Task<Results<NoContent, ProblemHttpResult>> ChangeRolesAsync(string id, RolesRequest request,
        AccountAdministration accounts, ClaimsPrincipal user, CancellationToken ct) =>
        NoContentOrProblem(accounts.ChangeRolesAsync(id, request.Roles, user, ct));

    private static async Task<Results<Ok<AcceptedInvitation>, ProblemHttpResult>> AcceptAsync(
        AcceptInvitationRequest request, InvitationAcceptance acceptance, CancellationToken ct) =>
        (await acceptance.AcceptAsync(request, ct)).OkOrProblem(a => a);

    private static async Task<Results<NoContent, ProblemHttpResult>> NoContentOrProblem(Task<Rejection?> change) =>
        await change is { } rejection ? rejection.ToProblem() : TypedResults.NoContent();
}
