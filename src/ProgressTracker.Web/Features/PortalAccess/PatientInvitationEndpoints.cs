using ProgressTracker.Web.Features.Admin;

namespace ProgressTracker.Web.Features.PortalAccess;

/// <summary>A patient invitation as the API answers it: the staff shape plus whether the e-mail was sent.</summary>
public sealed record PatientInvitationDto(Guid Id, string Email, string Role, string Url, DateTimeOffset ExpiresAt,
    bool EmailSent, string? EmailProblem);

public sealed record PatientInviteRequest(string? Email);

/// <summary>
/// <c>/api/v1/patients/{id}/invitations</c>: staff invite a patient to the portal and withdraw the invitation.
/// The role decides first (403 for anyone else, which says nothing about the record); then the record's own check.
/// </summary>
public static class PatientInvitationEndpoints
{
    public static void MapPatientInvitationEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/patients/{id}/invitations").WithTags("Portal access")
            .RequireAuthorization(Policies.Staff).AddEndpointFilter<AntiforgeryForCookieCallers>();
        group.MapPost("", InviteAsync)
            .WithSummary("Invite the patient to the portal by a one-time, expiring link (also e-mailed when mail is set up); replaces an earlier open invitation.");
        group.MapDelete("/{invitationId}", WithdrawAsync).WithSummary("Withdraw the patient's open invitation.");
    }

    private static async Task<Results<Created<PatientInvitationDto>, ProblemHttpResult>> InviteAsync(string id,
        PatientInviteRequest request, RecordAccess access, PortalInviter inviter, HttpContext http, CancellationToken ct)
    {
        if ((await access.PatientAsync(id, http.User, PatientOperation.Invite, ct)).Failed(out var refused, out var patient))
            return refused.ToProblem();
        if ((await inviter.InviteAsync(patient, request.Email, http.User, http.Request, ct)).Failed(out var rejection, out var made))
            return rejection.ToProblem();
        var i = made.Invitation;
        return TypedResults.Created($"/api/v1/patients/{patient.Id}/invitations/{i.Id}", new PatientInvitationDto(
            i.Id, i.Email, i.Role.ToLowerInvariant(), made.Url, i.ExpiresAt, made.Mail.Sent, made.Mail.Problem));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(string id, string invitationId,
        RecordAccess access, Admin.Invitations invitations, ClaimsPrincipal user, CancellationToken ct)
    {
        if ((await access.PatientAsync(id, user, PatientOperation.Invite, ct)).Failed(out var refused, out var patient))
            return refused.ToProblem();
        return await invitations.WithdrawAsync(invitationId, ct, patient.Id) is { } rejection
            ? rejection.ToProblem()
            : TypedResults.NoContent();
    }
}
