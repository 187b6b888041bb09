namespace ProgressTracker.Web.Infrastructure.Mail;

/// <summary>Section "Mail": the SMTP server invitations are sent through. No <see cref="SmtpHost"/>: no e-mail.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    /// <summary>Sender address, e.g. <c>"Clinic photos &lt;photos@clinic.example&gt;"</c>.</summary>
    public string? From { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary><c>none</c>, <c>starttls</c> (required, the default) or <c>tls</c> (implicit TLS, usually port 465).</summary>
    public string Security { get; set; } = "starttls";
    /// <summary>Short: a request waits for the server, and a slow server must not hang the invitation.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost);

    /// <summary>Refuses settings that could never send, at start rather than at the first invitation.</summary>
    public void Validate()
    {
        if (!Enabled) return;
        if (SmtpPort is < 1 or > 65535) throw new InvalidOperationException($"Mail:SmtpPort {SmtpPort} is not a port.");
        if (Security.ToLowerInvariant() is not ("none" or "starttls" or "tls"))
            throw new InvalidOperationException($"Mail:Security '{Security}' is not one of none, starttls, tls.");
        if (string.IsNullOrWhiteSpace(From) || !MimeKit.MailboxAddress.TryParse(From, out _))
            throw new InvalidOperationException("Mail:From must be a sender address when Mail:SmtpHost is set.");
        if (Timeout <= TimeSpan.Zero) throw new InvalidOperationException("Mail:Timeout must be positive.");
    }
}
