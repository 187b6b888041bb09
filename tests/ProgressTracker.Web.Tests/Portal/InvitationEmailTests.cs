using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ProgressTracker.Web.Infrastructure.Mail;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Portal;

/// <summary>
/// The invitation e-mail through a real SMTP server: maildev, started by infra/services.sh, keeps what it receives
/// and serves it over HTTP. The test reads the message back, follows its link and accepts it, once.
/// </summary>
[Trait(Tier.Name, Tier.Postgres)]
public sealed class InvitationEmailTests : IAsyncLifetime
{
    /// <summary>Characters that must arrive escaped in the HTML and intact in the text.</summary>
    private const string Clinic = "Hip & Co <Clinic>";

    private TestApp _app = null!;
    private readonly HttpClient _maildev = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        var (host, port) = Smtp();
        _app = await TestApp.StartAsync(StorageMode.Embedded, extraSettings:
        [
            $"--Mail:SmtpHost={host}", $"--Mail:SmtpPort={port}", "--Mail:Security=none",
            "--Mail:From=Clinic photos <photos@clinic.test>", $"--Portal:ClinicName={Clinic}",
        ]);
    }

    public async Task DisposeAsync()
    {
        _maildev.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_patient_gets_the_link_by_email_and_it_works_once()
    {
        var clinician = await ApiClient.SignInAsync(_app);
        var patientId = await PortalInvites.NewPatientAsync(clinician);
        var email = PortalInvites.NewEmail();
        var invitation = await PortalInvites.InvitedAsync(clinician, patientId, email);
        Assert.True(invitation.GetProperty("emailSent").GetBoolean(), invitation.GetProperty("emailProblem").GetString());

        var message = await Eventually.Async(() => MessagesToAsync(email), m => m.Count == 1, $"one message to {email}",
            TimeSpan.FromSeconds(20));
        var mail = message[0];
        Assert.Contains("patient portal", mail.GetProperty("subject").GetString());
        var text = mail.GetProperty("text").GetString()!;
        var html = mail.GetProperty("html").GetString()!;
        Assert.Contains(Clinic, text);
        Assert.Contains("Hip &amp; Co &lt;Clinic&gt;", html);
        Assert.DoesNotContain("<Clinic>", html);
        var link = invitation.GetProperty("url").GetString()!;
        Assert.Contains(link, text);
        Assert.Contains(link, html);

        var token = PortalInvites.TokenOf(text.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/invite/")));
        using var browser = CookieBrowser.Create(_app);
        Assert.Contains("Set a password to see your progress photos", await browser.GetStringAsync($"/invite/{token}"));
        Assert.Equal(HttpStatusCode.OK, (await PortalInvites.AcceptAsync(_app, token)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await PortalInvites.AcceptAsync(_app, token, "Another-Pass-99")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await browser.GetAsync($"/invite/{token}")).StatusCode);
        var patient = await ApiClient.SignInAsync(_app, email);
        Assert.Equal(patientId, (await patient.Http.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("patientId").GetString());
    }

    [Fact]
    public async Task The_sender_reports_a_server_it_cannot_reach_instead_of_throwing()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // a port on which nothing listens any more
        var sender = new SmtpMailSender(new MailOptions
        {
            SmtpHost = "127.0.0.1", SmtpPort = port, Security = "none", From = "photos@clinic.test",
        }, NullLogger<SmtpMailSender>.Instance);

        var outcome = await sender.SendAsync(new OutgoingMail("someone@portal.test", "s", "t", "<p>t</p>"), default);
        Assert.False(outcome.Sent);
        Assert.Contains("could not be reached", outcome.Problem);
    }

    private async Task<List<JsonElement>> MessagesToAsync(string email) =>
        [.. (await _maildev.GetFromJsonAsync<JsonElement>(
            $"{TestServices.Maildev}/email?to.address={Uri.EscapeDataString(email)}")).EnumerateArray()];

    private static (string Host, int Port) Smtp()
    {
        var parts = TestServices.Smtp.Split(':');
        return (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
