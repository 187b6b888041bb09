using System.Net;
using ProgressTracker.Web.Features.Portal;
using ProgressTracker.Web.Infrastructure.Mail;

namespace ProgressTracker.Web.Features.PortalAccess;

/// <summary>
/// The portal invitation e-mail: the clinic, the link, when it stops working and what the portal is. Nothing
/// medical and no photos, since mailboxes are read on shared devices and forwarded. Every value is HTML-escaped.
/// </summary>
public static class InvitationMail
{
    public static OutgoingMail For(string to, string link, DateTimeOffset expiresAt, PortalOptions portal)
    {
        var clinic = portal.ClinicName;
        var expires = expiresAt.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        var subject = $"Your invitation to the patient portal of {clinic}";
        var text =
            $"""
            Hello,

            {clinic} has invited you to its patient portal, where you can follow your own progress photos and see
            who at the clinic has viewed them.

            Open this link to choose a password:
            {link}

            The link works once and expires on {expires}. If it has expired, ask the clinic for a new one.
            If you did not expect this message, you can ignore it.
            """;
        var e = (string s) => WebUtility.HtmlEncode(s);
        var html =
            $"""
            <!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
            <p>Hello,</p>
            <p>{e(clinic)} has invited you to its patient portal, where you can follow your own progress photos and
            see who at the clinic has viewed them.</p>
            <p><a href="{e(link)}">Choose a password</a></p>
            <p>Or copy this link into your browser:<br>{e(link)}</p>
            <p>The link works once and expires on {e(expires)}. If it has expired, ask the clinic for a new one.
            If you did not expect this message, you can ignore it.</p>
            </body></html>
            """;
        return new OutgoingMail(to, subject, text, html);
    }
}
