using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ProgressTracker.Web.Infrastructure.Mail;

/// <summary>
/// SMTP through MailKit: one connection per message (invitations and consent copies are rare). Every failure becomes a
/// <see cref="MailOutcome"/> naming the setting to check; recipients are not logged (they are patients' addresses).
/// </summary>
public sealed class SmtpMailSender(MailOptions options, ILogger<SmtpMailSender> log) : IMailSender
{
    public async Task<MailOutcome> SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        if (!MailboxAddress.TryParse(mail.To, out var to))
            return MailOutcome.Failed($"'{mail.To}' is not an address the mail server can deliver to.");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From!));
        message.To.Add(to);
        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        foreach (var file in mail.Attachments) body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
        message.Body = body.ToMessageBody();

        var server = $"{options.SmtpHost}:{options.SmtpPort}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout); // MailKit's own Timeout is per operation, not for the whole send
        try
        {
            using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
            await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, SocketOptions(), timeout.Token);
            if (!string.IsNullOrEmpty(options.UserName))
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", timeout.Token);
            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return MailOutcome.Ok;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Sending e-mail through {Server} failed", server);
            return MailOutcome.Failed(Explain(e, server));
        }
    }

    private SecureSocketOptions SocketOptions() => options.Security.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "tls" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private string Explain(Exception e, string server) => e switch
    {
        OperationCanceledException or TimeoutException =>
            $"The mail server {server} did not answer within {options.Timeout.TotalSeconds:0} seconds; nothing was sent.",
        SocketException => $"The mail server {server} could not be reached (check Mail:SmtpHost and Mail:SmtpPort).",
        SslHandshakeException => $"A secure connection to {server} failed (check Mail:Security: none, starttls or tls).",
        AuthenticationException => $"The mail server {server} refused the user name or password (Mail:UserName, Mail:Password).",
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } =>
            "The mail server did not accept the recipient's address; check it for typing errors.",
        SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } =>
            "The mail server did not accept the sender address (Mail:From).",
        SmtpCommandException c => $"The mail server {server} refused the message: {c.Message}",
        NotSupportedException => $"The mail server {server} does not offer what Mail:Security asks for (starttls or tls).",
        SmtpProtocolException or ServiceNotConnectedException or IOException =>
            $"The connection to the mail server {server} broke off; nothing was sent. Try again.",
        _ => $"E-mail could not be sent through {server} ({e.GetType().Name}).",
    };
}
