using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Features.Consents;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Tests.Support;
using UglyToad.PdfPig;

namespace ProgressTracker.Web.Tests.Consents;

/// <summary>
/// The signed consent as a PDF, read back with PdfPig: it opens, carries the exact text version, the signed name,
/// the dates and the signed text, and shows the drawn signature as an image. The patient and staff get it (audited);
/// another patient learns nothing. The paper form's scan is staff-only.
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class ConsentDocumentTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task The_signed_pdf_has_the_text_the_choices_the_dates_and_the_signature()
    {
        var app = fixture.App;
        var staff = await ApiClient.SignInAsync(app);
        var (patientId, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        var patient = await PatientAccounts.SignedInAsync(app, patientId);
        var signed = await patient.Http.PostAsJsonAsync($"/api/v1/patients/{patientId}/consents", new
        {
            uses = new[] { "website", "education" }, coverage = new { kind = "all" }, identifiable = false,
            reviewEachPicture = true, method = "on-screen", signedName = "Jane Q. Doe", signature = ConsentSignatures.DataUrl(),
        });
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var consent = await signed.Content.ReadFromJsonAsync<JsonElement>();
        var id = consent.GetProperty("id").GetString()!;

        var response = await patient.Http.GetAsync($"/api/v1/consents/{id}/document");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await File.WriteAllBytesAsync(Browser.BrowserSession.ScreenshotPath("consent-document.pdf"), bytes);
        var (text, images) = Read(bytes);

        Assert.Contains(consent.GetProperty("textVersion").GetString()!, text);
        Assert.Contains(ConsentTexts.HashOf(ConsentTexts.DefaultMarkdown), text);
        Assert.Contains("Jane Q. Doe", text);
        var granted = consent.GetProperty("grantedAt").GetDateTimeOffset();
        Assert.Contains(granted.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), text);
        var expires = DateOnly.Parse(consent.GetProperty("expiresAt").GetString()!, CultureInfo.InvariantCulture);
        Assert.Contains(expires.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), text);
        Assert.Contains("You can withdraw at any time", text); // a heading of the signed Markdown
        Assert.Contains("Once a picture has been published, other people can copy and share it.", text); // a paragraph
        Assert.DoesNotContain("**", text); // bold is rendered, not shown as Markdown
        Assert.Contains("The clinic's website and teaching health professionals", text);
        Assert.True(images > 0, "the drawn signature is in the PDF");

        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync($"/api/v1/consents/{id}/document")).StatusCode);
        var (otherId, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        var other = await PatientAccounts.SignedInAsync(app, otherId);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/api/v1/consents/{id}/document")).StatusCode);

        // A withdrawn consent's document says so.
        Assert.Equal(HttpStatusCode.OK, (await patient.Http.PostAsync($"/api/v1/consents/{id}/revoke", null)).StatusCode);
        var (after, _) = Read(await patient.Http.GetByteArrayAsync($"/api/v1/consents/{id}/document"));
        Assert.Contains("Withdrawn on", after);

        await app.FlushAuditAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.ResourceId == id && e.Action == AuditActions.ConsentDocumentDownloaded));
    }

    [Fact]
    public async Task The_paper_forms_scan_is_for_staff_and_its_pdf_says_it_was_signed_on_paper()
    {
        var app = fixture.App;
        var staff = await ApiClient.SignInAsync(app);
        var (patientId, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        var made = await staff.Http.PostAsJsonAsync($"/api/v1/patients/{patientId}/consents", new
        {
            uses = new[] { "publication" }, coverage = new { kind = "views", views = new[] { "front", "left-lateral" } },
            method = "paper-form", signedName = "Maria Paper", expiresAt = "2031-05-01",
        });
        var id = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/api/v1/consents/{id}/form")).StatusCode);

        var scan = ConsentSignatures.Png();
        var form = new MultipartFormDataContent { { new ByteArrayContent(scan), "file", "scan.png" } };
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.PutAsync($"/api/v1/consents/{id}/form", form)).StatusCode);
        var got = await staff.Http.GetAsync($"/api/v1/consents/{id}/form");
        Assert.Equal("image/png", got.Content.Headers.ContentType?.MediaType);
        Assert.Equal(scan, await got.Content.ReadAsByteArrayAsync());
        var patient = await PatientAccounts.SignedInAsync(app, patientId);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.Http.GetAsync($"/api/v1/consents/{id}/form")).StatusCode);

        var (text, _) = Read(await patient.Http.GetByteArrayAsync($"/api/v1/consents/{id}/document"));
        Assert.Contains("Maria Paper", text);
        Assert.Contains("1 May 2031", text);
        Assert.Contains("Front and left side photos", text);
        Assert.Contains("Signed by hand on the paper form", text);
    }

    /// <summary>All words of every page, single-spaced, and how many images the pages hold.</summary>
    private static (string Text, int Images) Read(byte[] pdf)
    {
        Assert.True(pdf.AsSpan().StartsWith("%PDF"u8), "a PDF file");
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        var text = string.Join(" ", pages.SelectMany(p => p.GetWords()).Select(w => w.Text));
        return (text, pages.Sum(p => p.GetImages().Count()));
    }
}
