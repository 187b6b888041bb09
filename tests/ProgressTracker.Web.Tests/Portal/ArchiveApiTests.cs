using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCvSharp;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Portal;

/// <summary>
/// "Download my data" through the API on both configurations: a patient asks, follows the progress, downloads the
/// zip; it holds exactly the Ready photos at display size under de-identified names and the visits as the patient
/// may read them; nobody else can see or fetch it.
/// </summary>
public abstract class ArchiveApiContract
{
    protected abstract TestApp App { get; }

    [Fact]
    public async Task A_patient_downloads_their_photos_and_visits_without_anything_staff_only_or_identifying()
    {
        var staff = await ApiClient.SignInAsync(App);
        var (patientId, name, record) = await PatientAccounts.CreatePatientAsync(staff);
        var baseline = await VisitAsync(staff, patientId, new
        {
            date = "2026-03-12", kind = "baseline", notes = "CLINICAL-SECRET-1 asymmetry noted",
            patientNote = "Keep moisturising the area.",
        });
        var session = await VisitAsync(staff, patientId, new
        {
            date = "2026-04-09", kind = "treatment", notes = "CLINICAL-SECRET-2",
            treatment = new { product = "PLLA", lot = "LOT-SECRET-77", volumeMl = 8.0, areas = new[] { "left hip", "right hip" }, sessionNumber = 1 },
        });
        var followUp = await VisitAsync(staff, patientId, new { date = "2026-09-10", kind = "follow-up" });
        // Weeks count from the first session (9 Apr): 12 Mar is four weeks before it, 10 Sep is week 22.
        var expected = new Dictionary<string, string>
        {
            ["photos/2026-03-12_4-weeks-before_front.jpg"] = await staff.UploadReadyAsync(baseline, TestImages.Jpeg(600, 800, seed: 21, view: "front"), "front"),
            ["photos/2026-03-12_4-weeks-before_left-lateral.jpg"] = await staff.UploadReadyAsync(baseline, TestImages.Jpeg(600, 800, seed: 22), "left-lateral"),
            ["photos/2026-04-09_week-00_left-lateral.jpg"] = await staff.UploadReadyAsync(session, TestImages.Jpeg(600, 800, seed: 23), "left-lateral"),
            ["photos/2026-09-10_week-22_front.jpg"] = await staff.UploadReadyAsync(followUp, TestImages.Jpeg(600, 800, seed: 24, view: "front"), "front"),
            ["photos/2026-09-10_week-22_front-2.jpg"] = await staff.UploadReadyAsync(followUp, TestImages.Jpeg(600, 800, seed: 25, view: "front"), "front"),
        };
        // Another patient's photo must not find its way in.
        var (otherId, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        await staff.UploadReadyAsync((await staff.CreateVisitAsync(otherId, "baseline", "2026-03-12")).GetProperty("id").GetString()!,
            TestImages.Jpeg(600, 800, seed: 26), "left-lateral");
        var patient = await PatientAccounts.SignedInAsync(App, patientId);

        var response = await patient.Http.PostAsync("/api/v1/me/archive", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/me/archive/{id}", response.Headers.Location?.ToString());
        Assert.Contains(accepted.GetProperty("status").GetString(), new[] { "pending", "running", "ready" });
        Assert.Equal(JsonValueKind.Number, accepted.GetProperty("progress").ValueKind);

        var (ready, progress) = await WaitReadyAsync(patient, id);
        Assert.True(progress.SequenceEqual(progress.Order()), $"progress went backwards: {string.Join(", ", progress)}");
        Assert.Equal(100, ready.GetProperty("progress").GetInt32());
        Assert.Equal(5, ready.GetProperty("photoCount").GetInt32());
        Assert.Equal($"/api/v1/me/archive/{id}/file", ready.GetProperty("fileUrl").GetString());
        Assert.Equal(TimeSpan.FromDays(7),
            ready.GetProperty("expiresAt").GetDateTimeOffset() - ready.GetProperty("completedAt").GetDateTimeOffset());

        var (zipBytes, fileName) = await DownloadAsync(patient, id);
        Assert.Matches(@"^my-progress-photos-\d{4}-\d{2}-\d{2}\.zip$", fileName);
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        Assert.Equal(expected.Keys.Append("visits.json").Append("README.txt").Order(),
            zip.Entries.Select(e => e.FullName).Order());
        foreach (var (entryName, photoId) in expected)
        {
            var bytes = Read(zip, entryName);
            var display = await MediaAsync(staff, photoId);
            Assert.True(display.SequenceEqual(bytes), $"{entryName} is not the display JPEG of photo {photoId}");
            using var image = Cv2.ImDecode(bytes, ImreadModes.Color);
            Assert.False(image.Empty(), $"{entryName} does not decode as an image");
            Assert.Equal([0xFF, 0xD8], bytes[..2]);
        }

        var visitsText = System.Text.Encoding.UTF8.GetString(Read(zip, "visits.json"));
        var readme = System.Text.Encoding.UTF8.GetString(Read(zip, "README.txt"));
        foreach (var secret in new[] { "CLINICAL-SECRET", "LOT-SECRET", name, record, patientId, baseline, session, followUp, otherId }
                     .Concat(expected.Values))
        {
            Assert.DoesNotContain(secret, visitsText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, readme, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(secret, fileName, StringComparison.OrdinalIgnoreCase);
        }
        var visits = JsonDocument.Parse(visitsText).RootElement.GetProperty("visits").EnumerateArray().ToList();
        Assert.Equal(["2026-03-12", "2026-04-09", "2026-09-10"], visits.Select(v => v.GetProperty("date").GetString()));
        Assert.Equal([-4, 0, 22], visits.Select(v => v.GetProperty("weeksSinceFirstSession").GetInt32()));
        Assert.Equal(["baseline", "treatment", "follow-up"], visits.Select(v => v.GetProperty("kind").GetString()));
        Assert.All(visits, v => Assert.False(v.TryGetProperty("notes", out _), "visits.json carries clinical notes"));
        Assert.Equal("Keep moisturising the area.", visits[0].GetProperty("note").GetString());
        var treatment = visits[1].GetProperty("treatment");
        Assert.Equal("PLLA", treatment.GetProperty("product").GetString());
        Assert.False(treatment.TryGetProperty("lot", out _), "visits.json carries the lot number");
        Assert.Equal(["photos/2026-09-10_week-22_front.jpg", "photos/2026-09-10_week-22_front-2.jpg"],
            visits[2].GetProperty("photos").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("visits.json", readme);

        await App.FlushAuditAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audited = await db.AuditEntries.AsNoTracking().Where(e => e.ResourceId == id).ToListAsync();
        Assert.Contains(audited, e => e.Action == AuditActions.ArchiveRequested && e.PatientId == Guid.Parse(patientId));
        Assert.Contains(audited, e => e.Action == AuditActions.ArchiveDownloaded && e.PatientId == Guid.Parse(patientId));
    }

    [Fact]
    public async Task Another_patient_and_staff_get_not_found_for_an_archive_that_is_not_theirs()
    {
        var staff = await ApiClient.SignInAsync(App);
        var (patientA, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        var (patientB, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        var a = await PatientAccounts.SignedInAsync(App, patientA);
        var b = await PatientAccounts.SignedInAsync(App, patientB);
        var response = await a.Http.PostAsync("/api/v1/me/archive", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await WaitReadyAsync(a, id);

        foreach (var url in new[] { $"/api/v1/me/archive/{id}", $"/api/v1/me/archive/{id}/file", "/api/v1/me/archive/not-an-id" })
        {
            await AssertNotFoundAsync(await b.Http.GetAsync(url), $"patient B: {url}");
            await AssertNotFoundAsync(await staff.Http.GetAsync(url), $"clinician: {url}");
        }
        await AssertNotFoundAsync(await staff.Http.PostAsync("/api/v1/me/archive", null), "clinician: POST");
        Assert.Equal(HttpStatusCode.OK, (await a.Http.GetAsync($"/api/v1/me/archive/{id}")).StatusCode);
    }

    protected static async Task AssertNotFoundAsync(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<string> VisitAsync(ApiClient staff, string patientId, object body)
    {
        var response = await staff.Http.PostAsJsonAsync($"/api/v1/patients/{patientId}/visits", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    internal static async Task<(JsonElement Archive, List<int> Progress)> WaitReadyAsync(ApiClient api, string id)
    {
        var seen = new List<int>();
        var ready = await Eventually.Async(
            async () =>
            {
                var current = await api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/me/archive/{id}");
                seen.Add(current.GetProperty("progress").GetInt32());
                if (current.GetProperty("status").GetString() == "failed")
                    Assert.Fail($"archive failed: {current.GetProperty("failureReason").GetString()}");
                return current;
            },
            current => current.GetProperty("status").GetString() == "ready",
            $"archive {id} ready", TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(50));
        return (ready, seen);
    }

    /// <summary>The zip as a browser gets it: streamed (filesystem) or through a one-minute link (Azure).</summary>
    private async Task<(byte[] Bytes, string FileName)> DownloadAsync(ApiClient api, string id)
    {
        var response = await api.Http.GetAsync($"/api/v1/me/archive/{id}/file");
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
        if (App.Mode == StorageMode.Production)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            using var direct = new HttpClient();
            response = await direct.GetAsync(response.Headers.Location);
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (App.Mode == StorageMode.Embedded)
            Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        return (await response.Content.ReadAsByteArrayAsync(), disposition!.FileName!.Trim('"'));
    }

    private static async Task<byte[]> MediaAsync(ApiClient api, string photoId)
    {
        var response = await api.Http.GetAsync($"/api/v1/photos/{photoId}/media/display?format=jpeg");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            using var direct = new HttpClient();
            response = await direct.GetAsync(response.Headers.Location);
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var entry = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        return copy.ToArray();
    }
}

[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class ArchiveApiTests(EmbeddedAppFixture fixture) : ArchiveApiContract
{
    protected override TestApp App => fixture.App;
}

[Collection(ProductionApp.Name), Trait(Tier.Name, Tier.Postgres)]
public sealed class ProductionArchiveApiTests(ProductionAppFixture fixture) : ArchiveApiContract
{
    protected override TestApp App => fixture.App;
}
