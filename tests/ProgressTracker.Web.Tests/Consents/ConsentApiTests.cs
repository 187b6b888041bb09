using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Consents;

/// <summary>
/// Consent through the API: the patient signs on screen (active at once), staff record paper forms (pending),
/// neither can make the other's kind; marketing uses get a two-year expiry by default; a withdrawal acts at once,
/// is audited, and another patient cannot even see the consent.
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class ConsentApiTests(EmbeddedAppFixture fixture)
{
    /// <summary>A 1×1 PNG, as a drawn signature's data URL.</summary>
    private const string Signature =
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    private static object OnScreen(params string[] uses) => new
    {
        uses, coverage = new { kind = "views", views = new[] { "front", "back" } }, identifiable = false,
        reviewEachPicture = true, method = "on-screen", signedName = "Jane Doe", signature = Signature,
    };

    [Fact]
    public async Task The_patient_signs_on_screen_and_withdraws_at_once()
    {
        var app = fixture.App;
        var staff = await ApiClient.SignInAsync(app);
        var (patientId, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        var patient = await PatientAccounts.SignedInAsync(app, patientId);

        var texts = await patient.Http.GetFromJsonAsync<JsonElement>("/api/v1/consent-texts");
        Assert.Contains("withdraw", texts[0].GetProperty("markdown").GetString());
        var signed = await patient.Http.PostAsJsonAsync($"/api/v1/patients/{patientId}/consents", OnScreen("website", "social-media"));
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var consent = await signed.Content.ReadFromJsonAsync<JsonElement>();
        var id = consent.GetProperty("id").GetString()!;
        Assert.Equal("active", consent.GetProperty("status").GetString());
        Assert.Equal("on-screen", consent.GetProperty("method").GetString());
        Assert.Equal(texts[0].GetProperty("version").GetString(), consent.GetProperty("textVersion").GetString());
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        Assert.Equal(today.AddYears(2), DateOnly.Parse(consent.GetProperty("expiresAt").GetString()!)); // marketing default
        Assert.Equal(["front", "back"], consent.GetProperty("coverage").GetProperty("views").EnumerateArray().Select(v => v.GetString()));

        var staffList = await staff.Http.GetFromJsonAsync<JsonElement>($"/api/v1/patients/{patientId}/consents");
        Assert.Equal(id, staffList.GetProperty("items")[0].GetProperty("id").GetString());

        var revoked = await patient.Http.PostAsync($"/api/v1/consents/{id}/revoke", null);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("revoked", (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var again = await (await patient.Http.PostAsync($"/api/v1/consents/{id}/revoke", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(consent.GetProperty("id").GetString(), again.GetProperty("id").GetString());

        await app.FlushAuditAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var actions = await db.AuditEntries.Where(e => e.ResourceId == id).Select(e => e.Action).ToListAsync();
        Assert.Equal(1, actions.Count(a => a == AuditActions.ConsentGranted));
        Assert.Equal(1, actions.Count(a => a == AuditActions.ConsentRevoked)); // the second withdrawal changed nothing
        var stored = await db.Consents.SingleAsync(c => c.Id == Guid.Parse(id));
        Assert.Equal("portal", stored.RevokedVia);
        Assert.NotNull(stored.SignatureKey);
    }

    [Fact]
    public async Task A_paper_consent_holds_once_its_scan_is_attached_and_exports_as_fhir()
    {
        var app = fixture.App;
        var staff = await ApiClient.SignInAsync(app);
        var (patientId, name, _) = await PatientAccounts.CreatePatientAsync(staff);
        var visit = (await staff.CreateVisitAsync(patientId)).GetProperty("id").GetString()!;
        var front = await staff.UploadIdAsync(visit, TestImages.Jpeg(seed: 31, view: "front"), "front");
        await staff.UploadIdAsync(visit, TestImages.Jpeg(seed: 32, view: "back"), "back");
        var made = await staff.Http.PostAsJsonAsync($"/api/v1/patients/{patientId}/consents", new
        {
            uses = new[] { "education", "publication" }, coverage = new { kind = "views", views = new[] { "front" } },
            method = "paper-form", signedName = name, expiresAt = "2030-06-30",
        });
        var id = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // Not a scan: refused by its bytes, whatever its name says.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await AttachAsync(staff, id, "not a pdf"u8.ToArray(), "form.pdf")).StatusCode);
        var patient = await PatientAccounts.SignedInAsync(app, patientId);
        Assert.Equal(HttpStatusCode.Forbidden, (await AttachAsync(patient, id, "%PDF-1.7 scan"u8.ToArray(), "form.pdf")).StatusCode);
        var attached = await AttachAsync(staff, id, "%PDF-1.7 scan"u8.ToArray(), "form.pdf");
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        Assert.Equal("active", (await attached.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await AttachAsync(staff, id, "%PDF-1.7 again"u8.ToArray(), "form.pdf")).StatusCode);

        // FHIR: the patient's own copy as a Consent resource, covering the front photo only, and no name in it.
        var fhir = await patient.Http.GetAsync($"/api/v1/consents/{id}/fhir");
        Assert.Equal("application/fhir+json", fhir.Content.Headers.ContentType?.MediaType);
        var json = await fhir.Content.ReadAsStringAsync();
        var resource = JsonDocument.Parse(json).RootElement;
        Assert.Equal("Consent", resource.GetProperty("resourceType").GetString());
        Assert.Equal("active", resource.GetProperty("status").GetString());
        var data = resource.GetProperty("provision").GetProperty("data").EnumerateArray()
            .Select(d => d.GetProperty("reference").GetProperty("reference").GetString()).ToList();
        Assert.Equal([$"Media/{front}"], data);
        Assert.DoesNotContain(name, json);
    }

    private static Task<HttpResponseMessage> AttachAsync(ApiClient who, string consentId, byte[] bytes, string fileName)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName } };
        return who.Http.PutAsync($"/api/v1/consents/{consentId}/form", form);
    }

    [Fact]
    public async Task Each_kind_has_its_one_giver_and_bad_requests_are_named()
    {
        var app = fixture.App;
        var staff = await ApiClient.SignInAsync(app);
        var (patientId, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        var (otherId, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        var patient = await PatientAccounts.SignedInAsync(app, patientId);
        var url = $"/api/v1/patients/{patientId}/consents";

        // Staff cannot sign for the patient; the patient cannot record a paper form.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.PostAsJsonAsync(url, OnScreen("website"))).StatusCode);
        var paper = new
        {
            uses = new[] { "education" }, coverage = new { kind = "all" }, method = "paper-form", signedName = "Jane Doe",
            expiresAt = "2030-01-31",
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.Http.PostAsJsonAsync(url, paper)).StatusCode);
        var recorded = await staff.Http.PostAsJsonAsync(url, paper);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var pending = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", pending.GetProperty("status").GetString());

        async Task<string> DetailAsync(ApiClient who, object body)
        {
            var response = await who.Http.PostAsJsonAsync(url, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        }
        Assert.Contains("'advertising' is not a use", await DetailAsync(patient, OnScreen("advertising")));
        Assert.Contains("signature must be a PNG data URL", await DetailAsync(patient, new
        {
            uses = new[] { "website" }, coverage = new { kind = "all" }, method = "on-screen", signedName = "Jane Doe",
        }));
        Assert.Contains("after today", await DetailAsync(staff, new
        {
            uses = new[] { "website" }, coverage = new { kind = "all" }, method = "paper-form", signedName = "J", expiresAt = "2020-01-01",
        }));
        Assert.Contains("not this patient's", await DetailAsync(staff, new
        {
            uses = new[] { "website" }, coverage = new { kind = "photos", photoIds = new[] { Guid.NewGuid() } },
            method = "paper-form", signedName = "J",
        }));

        // Another patient cannot see the consent, list it, or sign on this record.
        var id = pending.GetProperty("id").GetString();
        var other = await PatientAccounts.SignedInAsync(app, otherId);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/api/v1/consents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PostAsync($"/api/v1/consents/{id}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PostAsJsonAsync(url, OnScreen("website"))).StatusCode);
    }
}
