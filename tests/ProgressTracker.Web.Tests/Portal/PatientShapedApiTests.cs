using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Portal;

/// <summary>
/// A patient's bearer token reads their own records in the patient's shape — no clinical notes, no lot numbers, no
/// links to originals; the note written for them only when the clinic shows such notes — and their access log
/// lists who else looked, by role (names only when the clinic says so), never their own views.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class PatientShapedApiTests
{
    private sealed record World(TestApp App, ApiClient Clinician, ApiClient Patient, string PatientId, string PhotoId);

    private static async Task<World> StartAsync(params string[] settings)
    {
        var app = await TestApp.StartAsync(StorageMode.Embedded, extraSettings: settings);
        var clinician = await ApiClient.SignInAsync(app);
        var patientId = (await clinician.CreatePatientAsync()).GetProperty("id").GetString()!;
        var visit = await clinician.Http.PostAsJsonAsync($"/api/v1/patients/{patientId}/visits", new
        {
            date = "2026-04-09", kind = "treatment", notes = "Clinical: mild bruising left.",
            patientNote = "Massage the area 5 minutes, 5 times a day, for 5 days.",
            treatment = new { product = "PLLA", lot = "L-77-SECRET", volumeMl = 8.0, areas = new[] { "left hip" }, sessionNumber = 1 },
        });
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        var visitId = (await visit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var photoId = await clinician.UploadReadyAsync(visitId, TestImages.Jpeg(seed: 21), "front");
        var email = await PatientAccounts.LinkAsync(app, patientId);
        return new World(app, clinician, await ApiClient.SignInAsync(app, email), patientId, photoId);
    }

    [Fact]
    public async Task Own_timeline_visits_and_photo_carry_no_staff_fields_and_the_note_for_the_patient()
    {
        var w = await StartAsync();
        await using var _ = w.App;
        var staffView = await w.Clinician.Http.GetStringAsync($"/api/v1/patients/{w.PatientId}/timeline");
        Assert.Contains("L-77-SECRET", staffView); // the clinic sees everything: the patient's view must differ
        Assert.Contains("/media/original", staffView);

        foreach (var url in new[]
                 {
                     $"/api/v1/patients/{w.PatientId}/timeline", $"/api/v1/patients/{w.PatientId}/visits",
                     $"/api/v1/photos/{w.PhotoId}",
                 })
        {
            var body = await w.Patient.Http.GetStringAsync(url);
            Assert.DoesNotContain("L-77-SECRET", body);
            Assert.DoesNotContain("Clinical: mild bruising", body);
            Assert.DoesNotContain("/media/original", body);
        }
        var visits = await w.Patient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/patients/{w.PatientId}/visits");
        Assert.Equal("Massage the area 5 minutes, 5 times a day, for 5 days.", visits[0].GetProperty("patientNote").GetString());
        Assert.Equal("PLLA", visits[0].GetProperty("treatment").GetProperty("product").GetString());
        var me = await w.Patient.Http.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(w.PatientId, me.GetProperty("patientId").GetString());
    }

    [Fact]
    public async Task A_clinic_that_hides_visit_notes_hides_them_from_the_api_too()
    {
        var w = await StartAsync("--Portal:ShowVisitNotes=false");
        await using var _ = w.App;
        var visits = await w.Patient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/patients/{w.PatientId}/visits");
        Assert.Equal(JsonValueKind.Null, visits[0].GetProperty("patientNote").ValueKind);
        var staff = await w.Clinician.Http.GetFromJsonAsync<JsonElement>($"/api/v1/patients/{w.PatientId}/visits");
        Assert.Equal("Massage the area 5 minutes, 5 times a day, for 5 days.", staff[0].GetProperty("patientNote").GetString());
    }

    [Fact]
    public async Task Access_log_lists_the_clinics_looks_by_role_and_not_the_patients_own()
    {
        var w = await StartAsync();
        await using var _ = w.App;
        Assert.Equal(HttpStatusCode.OK, (await w.Patient.Http.GetAsync($"/api/v1/photos/{w.PhotoId}/media/display")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Clinician.Http.GetAsync($"/api/v1/photos/{w.PhotoId}/media/thumb")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Clinician.Http.GetAsync($"/api/v1/photos/{w.PhotoId}/media/original")).StatusCode);
        await w.App.FlushAuditAsync();

        var log = await w.Patient.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/access-log");
        var items = log.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count, log.GetProperty("total").GetInt32());
        Assert.Equal(["photo.original-downloaded", "photo.viewed"], items.Select(i => i.GetProperty("action").GetString()));
        Assert.All(items, i =>
        {
            Assert.Equal("clinician", i.GetProperty("actorRole").GetString());
            Assert.Equal(w.PhotoId, i.GetProperty("photoId").GetString());
            Assert.Equal(JsonValueKind.Null, i.GetProperty("actorName").ValueKind); // names are off by default
        });
        Assert.DoesNotContain("127.0.0.1", log.GetRawText()); // never the address
        Assert.Equal(HttpStatusCode.NotFound, (await w.Clinician.Http.GetAsync("/api/v1/me/access-log")).StatusCode);
    }

    [Fact]
    public async Task A_clinic_that_names_its_staff_shows_who_looked()
    {
        var w = await StartAsync("--Portal:ShowStaffNames=true");
        await using var _ = w.App;
        await w.Clinician.Http.GetAsync($"/api/v1/photos/{w.PhotoId}/media/thumb");
        await w.App.FlushAuditAsync();
        var log = await w.Patient.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/access-log");
        Assert.Equal(TestApp.ClinicianEmail, log.GetProperty("items")[0].GetProperty("actorName").GetString());
    }
}
