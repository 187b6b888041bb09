using ProgressTracker.Web.Features.Admin;
using ProgressTracker.Web.Features.Consents.Document;
using ProgressTracker.Web.Features.Portal;
using ProgressTracker.Web.Infrastructure.Mail;

namespace ProgressTracker.Web.Features.Consents;

/// <summary>
/// E-mails the patient their copy of a consent once it holds (signed on screen, or a paper form's scan attached),
/// when e-mail is set up and the patient's portal account has an address. Like an invitation's e-mail, a failure is
/// logged and never undoes or fails the consent: the PDF stays downloadable in the portal.
/// </summary>
public sealed class ConsentCopies(AppDbContext db, ConsentDocuments documents, IMailSender mail, MailOptions mailOptions,
    PortalOptions portal, InvitationOptions links, IHttpContextAccessor http, ILogger<ConsentCopies> log)
{
    public async Task SendAsync(Consent consent, CancellationToken ct)
    {
        if (!mailOptions.Enabled) return;
        try
        {
            var email = await db.Patients.Where(p => p.Id == consent.PatientId && p.UserId != null)
                .Join(db.Users, p => p.UserId, u => u.Id, (_, u) => u.Email).FirstOrDefaultAsync(ct);
            if (string.IsNullOrWhiteSpace(email)) return;
            var pdf = await documents.RenderAsync(consent, ct);
            var sent = await mail.SendAsync(ConsentCopyMail.For(email, consent, portal.ClinicName, PortalUrl(), pdf), ct);
            if (!sent.Sent)
                log.LogWarning("The copy of consent {ConsentId} was not e-mailed: {Problem}", consent.Id, sent.Problem);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The consent is stored and holds; only its copy by e-mail failed.
            log.LogError(e, "The copy of consent {ConsentId} could not be prepared or e-mailed", consent.Id);
        }
    }

    private string PortalUrl()
    {
        var root = !string.IsNullOrWhiteSpace(links.PublicBaseUrl) ? links.PublicBaseUrl.TrimEnd('/')
            : http.HttpContext?.Request is { } r ? $"{r.Scheme}://{r.Host}{r.PathBase}"
            : "";
        return $"{root}/me/consents";
    }
}
