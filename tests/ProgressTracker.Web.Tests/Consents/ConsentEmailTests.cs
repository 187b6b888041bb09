using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Consents;

/// <summary>
/// The patient's copy of a consent through a real SMTP server (maildev, started by infra/services.sh): sent when a
/// consent signed on screen holds, and when staff attach a paper form's scan; the attachment is the signed PDF.
/// </summary>
[Trait(Tier.Name, Tier.Postgres)]
public sealed class ConsentEmailTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private readonly HttpClient _maildev = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        var parts = TestServices.Smtp.Split(':');
        _app = await TestApp.StartAsync(StorageMode.Embedded, extraSettings:
        [
            $"--Mail:SmtpHost={parts[0]}", $"--Mail:SmtpPort={parts[1]}", "--Mail:Security=none",
            "--Mail:From=Clinic photos <photos@clinic.test>", "--Portal:ClinicName=Hip & Co",
        ]);
    }

    public async Task DisposeAsync()
    {
        _maildev.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_patient_gets_a_pdf_copy_when_signing_on_screen_and_when_a_paper_form_is_attached()
    {
        var staff = await ApiClient.SignInAsync(_app);
        var (patientId, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        var email = await PatientAccounts.LinkAsync(_app, patientId);
        var patient = await ApiClient.SignInAsync(_app, email);

        var signed = await patient.Http.PostAsJsonAsync($"/api/v1/patients/{patientId}/consents", new
        {
            uses = new[] { "social-media" }, coverage = new { kind = "all" }, reviewEachPicture = true,
            method = "on-screen", signedName = "Jane Doe", signature = ConsentSignatures.DataUrl(),
        });
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var first = (await Eventually.Async(() => MessagesToAsync(email), m => m.Count == 1, $"one message to {email}",
            TimeSpan.FromSeconds(20)))[0];
        Assert.Equal("Your consent — a copy for your records", first.GetProperty("subject").GetString());
        var text = first.GetProperty("text").GetString()!;
        Assert.Contains("The clinic's social media", text);
        Assert.Contains("withdraw", text);
        Assert.Contains("/me/consents", text);
        Assert.Contains("Hip &amp; Co", first.GetProperty("html").GetString());
        await AssertPdfAttachedAsync(first);

        // A paper consent: nothing until the scan is attached (it is pending), then the copy.
        var made = await staff.Http.PostAsJsonAsync($"/api/v1/patients/{patientId}/consents", new
        {
            uses = new[] { "education" }, coverage = new { kind = "all" }, method = "paper-form", signedName = "Jane Doe",
            expiresAt = "2030-01-31",
        });
        var id = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Single(await MessagesToAsync(email));
        var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7 scan"u8.ToArray()), "file", "f.pdf" } };
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.PutAsync($"/api/v1/consents/{id}/form", form)).StatusCode);
        var both = await Eventually.Async(() => MessagesToAsync(email), m => m.Count == 2, $"two messages to {email}",
            TimeSpan.FromSeconds(20));
        var second = both.Single(m => m.GetProperty("text").GetString()!.Contains("Teaching health professionals"));
        await AssertPdfAttachedAsync(second);
    }

    private async Task AssertPdfAttachedAsync(JsonElement message)
    {
        var attachment = Assert.Single(message.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/pdf", attachment.GetProperty("contentType").GetString());
        Assert.EndsWith(".pdf", attachment.GetProperty("filename").GetString());
        var bytes = await _maildev.GetByteArrayAsync(
            $"{TestServices.Maildev}/email/{message.GetProperty("id").GetString()}/attachment/" +
            Uri.EscapeDataString(attachment.GetProperty("generatedFileName").GetString()!));
        Assert.True(bytes.AsSpan().StartsWith("%PDF"u8), "the attachment is a PDF");
    }

    private async Task<List<JsonElement>> MessagesToAsync(string email) =>
        [.. (await _maildev.GetFromJsonAsync<JsonElement>(
            $"{TestServices.Maildev}/email?to.address={Uri.EscapeDataString(email)}")).EnumerateArray()];
}
