using System.Net;
using ProgressTracker.Web.Infrastructure.Mail;

namespace ProgressTracker.Web.Features.Consents;

/// <summary>
/// "Your consent — a copy for your records": what the patient agreed to, until when, and how to withdraw, with the
/// signed PDF attached. No photos and no clinical details in the message itself. Every value is HTML-escaped.
/// </summary>
public static class ConsentCopyMail
{
    public const string Subject = "Your consent — a copy for your records";

    public static OutgoingMail For(string to, Consent consent, string clinic, string portalUrl, byte[] pdf)
    {
        var uses = ConsentWords.Uses(consent.Uses);
        var coverage = ConsentWords.Coverage(consent);
        var expiry = ConsentWords.Expiry(consent.ExpiresOn);
        var signed = consent.GrantedAt is { } g ? ConsentWords.Day(g) : ConsentWords.Day(consent.CreatedAt);
        var text =
            $"""
            Hello,

            Thank you. This is your copy of the consent you gave {clinic} on {signed}. The signed document is attached
            (PDF), with the exact text you agreed to.

            What you agreed to
            - Uses: {uses}
            - Photos: {coverage}
            - Identifiable features: {ConsentWords.Identifiable(consent.Identifiable)}
            - Approve each picture before it is published: {(consent.ReviewEachPicture ? "yes" : "no")}
            - Until: {expiry}

            You can withdraw this consent at any time, with one tap under "My consents" in your patient portal:
            {portalUrl}
            Withdrawing never affects your treatment.
            """;
        var e = (string s) => WebUtility.HtmlEncode(s);
        var html =
            $"""
            <!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
            <p>Hello,</p>
            <p>Thank you. This is your copy of the consent you gave {e(clinic)} on {e(signed)}. The signed document is
            attached (PDF), with the exact text you agreed to.</p>
            <p><strong>What you agreed to</strong></p>
            <ul>
            <li>Uses: {e(uses)}</li>
            <li>Photos: {e(coverage)}</li>
            <li>Identifiable features: {e(ConsentWords.Identifiable(consent.Identifiable))}</li>
            <li>Approve each picture before it is published: {(consent.ReviewEachPicture ? "yes" : "no")}</li>
            <li>Until: {e(expiry)}</li>
            </ul>
            <p>You can withdraw this consent at any time, with one tap under
            <a href="{e(portalUrl)}">My consents</a> in your patient portal. Withdrawing never affects your treatment.</p>
            </body></html>
            """;
        return new OutgoingMail(to, Subject, text, html)
        {
            Attachments = [new MailAttachment(Document.ConsentPdf.FileName(consent), Document.ConsentPdf.ContentType, pdf)],
        };
    }
}
