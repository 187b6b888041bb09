using ProgressTracker.Web.Features.Admin;
using ProgressTracker.Web.Features.Portal;
using ProgressTracker.Web.Infrastructure.Mail;

namespace ProgressTracker.Web.Features.PortalAccess;

/// <summary>A new patient invitation with its link (shown once) and whether the e-mail went out.</summary>
public sealed record PatientInvitation(Invitation Invitation, string Url, MailOutcome Mail);

/// <summary>
/// Invites a patient to the portal: the invitation itself comes from <see cref="Invitations"/> (the one place
/// invitations are made); this adds the e-mail. A failed e-mail does not fail the invitation: the link and QR code
/// are shown to staff either way.
/// </summary>
public sealed class PortalInviter(Admin.Invitations invitations, IMailSender mail, PortalOptions portal)
{
    public async Task<Result<PatientInvitation>> InviteAsync(Patient patient, string? email, ClaimsPrincipal staff,
        HttpRequest request, CancellationToken ct)
    {
        var made = await invitations.CreateForPatientAsync(patient, email, CurrentUser.Id(staff), ct);
        if (made.Failed(out var rejection, out var created)) return rejection;
        var invitation = created.Invitation;
        var url = invitations.LinkFor(created.Token, request);
        var sent = await mail.SendAsync(InvitationMail.For(invitation.Email, url, invitation.ExpiresAt, portal), ct);
        return new PatientInvitation(invitation, url, sent);
    }
}
