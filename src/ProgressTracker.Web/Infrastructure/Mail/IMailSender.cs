namespace ProgressTracker.Web.Infrastructure.Mail;

/// <summary>One message to one person, as plain text and HTML (both already escaped by whoever wrote them).</summary>
public sealed record OutgoingMail(string To, string Subject, string Text, string Html)
{
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}

/// <summary>A file sent with a message (the patient's copy of a signed consent).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Whether a message was handed to the mail server, and if not, why in words a person can act on.</summary>
public sealed record MailOutcome(bool Sent, string? Problem)
{
    public static readonly MailOutcome Ok = new(true, null);
    public static MailOutcome Failed(string problem) => new(false, problem);
}

/// <summary>
/// Sends e-mail. Never throws for a mail problem: the caller (an invitation, say) still succeeds and shows the
/// reason next to the link, which staff can always hand over in person.
/// </summary>
public interface IMailSender
{
    Task<MailOutcome> SendAsync(OutgoingMail mail, CancellationToken ct);
}

/// <summary>No <c>Mail:SmtpHost</c>: says so instead of pretending to send.</summary>
public sealed class NoMailSender : IMailSender
{
    public const string NotSetUp =
        "E-mail is not set up (Mail:SmtpHost is empty), so nothing was sent. Give the link or the QR code to the " +
        "person directly.";

    public Task<MailOutcome> SendAsync(OutgoingMail mail, CancellationToken ct) =>
        Task.FromResult(MailOutcome.Failed(NotSetUp));
}
