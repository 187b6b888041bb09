using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Api;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Audit.AuditTrailSupport;

namespace ProgressTracker.Web.Tests.Audit;

/// <summary>What the trail records on the shared embedded app, and the admin API that reads it.</summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class AuditApiTests(EmbeddedAppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_admin_api_refuses_a_clinician_with_an_access_denied_entry_and_serves_an_admin()
    {
        var clinician = await ApiClient.SignInAsync(App);
        var clinicianId = await UserIdAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.Http.GetAsync("/api/v1/admin/audit?action=x")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.Http.GetAsync("/api/v1/admin/audit/verify")).StatusCode);
        var denied = await WaitForAsync(App, q => q.Where(e => e.Action == AuditActions.AccessDenied && e.ActorId == clinicianId),
            "access.denied for the clinician");
        Assert.All(denied, e => Assert.Equal(AuditOutcome.Denied, e.Outcome));
        Assert.Contains(denied, e => e.Detail == "GET /api/v1/admin/audit → 403"); // the path, never the query
        Assert.All(denied, e => Assert.Equal(Roles.Clinician, e.ActorRole));

        var admin = await AdminAsync(App);
        await SealAsync(App);
        var verify = await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit/verify");
        Assert.True(verify.GetProperty("ok").GetBoolean());
        Assert.True(verify.GetProperty("checked").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Null, verify.GetProperty("firstBrokenSequence").ValueKind);

        var list = await admin.Http.GetFromJsonAsync<JsonElement>(
            $"/api/v1/admin/audit?actorId={clinicianId}&action=access.denied&from=2000-01-01");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(denied.Count, list.GetProperty("total").GetInt32());
        Assert.All(items, i => Assert.Equal("denied", i.GetProperty("outcome").GetString()));
        var times = items.Select(i => i.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times); // newest first
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Http.GetAsync("/api/v1/admin/audit?from=yesterday")).StatusCode);
        Assert.NotEmpty(await WaitForAsync(App, q => q.Where(e => e.Action == AuditActions.AuditVerified), "audit.verified"));
    }

    [Fact]
    public async Task Media_views_name_their_variant_and_an_original_download_is_its_own_action()
    {
        var api = await ApiClient.SignInAsync(App);
        var patientId = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var visitId = (await api.CreateVisitAsync(patientId)).GetProperty("id").GetString()!;
        var photoId = await api.UploadReadyAsync(visitId, TestImages.Jpeg(), "left-lateral");

        Assert.Equal(HttpStatusCode.OK, (await api.Http.GetAsync($"/api/v1/photos/{photoId}/media/thumb")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Http.GetAsync($"/api/v1/photos/{photoId}/media/original")).StatusCode);

        var entries = await EntriesAsync(App, q => q.Where(e => e.ResourceId == photoId));
        var viewed = Assert.Single(entries, e => e.Action == AuditActions.PhotoViewed);
        Assert.Equal("thumb", viewed.Detail);
        Assert.Equal(Guid.Parse(patientId), viewed.PatientId);
        Assert.Equal(await UserIdAsync(), viewed.ActorId);
        Assert.Equal("photo", viewed.ResourceType);
        Assert.NotNull(viewed.Ip);
        Assert.Single(entries, e => e.Action == AuditActions.PhotoOriginalDownloaded);
        Assert.Single(entries, e => e.Action == AuditActions.PhotoUploaded);
    }

    [Fact]
    public async Task The_patients_name_appears_nowhere_in_the_trail_after_a_full_flow()
    {
        var name = $"Zelda Quixote {Guid.NewGuid():N}"[..24];
        var api = await ApiClient.SignInAsync(App);
        var created = await api.Http.PostAsJsonAsync("/api/v1/patients",
            new { displayName = name, recordNumber = $"Q-{Guid.NewGuid():N}"[..12], dateOfBirth = "1985-02-03" });
        var patientId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var visits = new List<string>();
        foreach (var date in new[] { "2026-03-12", "2026-09-10" })
            visits.Add((await api.CreateVisitAsync(patientId, date == "2026-03-12" ? "baseline" : "follow-up", date))
                .GetProperty("id").GetString()!);
        var photos = new List<string>();
        foreach (var (visit, seed) in visits.Zip([7, 8]))
            photos.Add(await api.UploadReadyAsync(visit, TestImages.Jpeg(900, 1200, seed: seed), "left-lateral"));

        await api.Http.GetAsync($"/api/v1/patients/{patientId}");
        await api.Http.GetAsync($"/api/v1/patients/{patientId}/timeline");
        await api.Http.GetAsync($"/api/v1/photos/{photos[0]}");
        await api.Http.GetAsync($"/api/v1/photos/{photos[0]}/media/display");
        await api.Http.GetAsync($"/api/v1/photos/{photos[1]}/media/original");
        var export = await api.Http.PostAsJsonAsync($"/api/v1/patients/{patientId}/exports",
            new { kind = "side-by-side", view = "left-lateral", photoIds = photos, aligned = false, watermark = name[..10] });
        Assert.Equal(HttpStatusCode.Accepted, export.StatusCode);
        var exportId = (await export.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await ExportApiTests.WaitReadyAsync(api, exportId);
        Assert.Equal(HttpStatusCode.OK, (await api.Http.GetAsync($"/api/v1/exports/{exportId}/file")).StatusCode);

        var mine = await EntriesAsync(App, q => q.Where(e => e.PatientId == Guid.Parse(patientId)));
        string[] expected =
        [
            AuditActions.PatientCreated, AuditActions.VisitCreated, AuditActions.PhotoUploaded, AuditActions.PatientViewed,
            AuditActions.PhotoRead, AuditActions.PhotoViewed, AuditActions.PhotoOriginalDownloaded,
            AuditActions.ExportMade, AuditActions.ExportDownloaded,
        ];
        Assert.Equal(expected.Order(), mine.Select(e => e.Action).Distinct().Intersect(expected).Order());
        foreach (var e in await EntriesAsync(App))
        {
            var text = string.Join('|', e.ActorRole, e.Action, e.ResourceType, e.ResourceId, e.Ip, e.Detail);
            Assert.DoesNotContain(name[..10], text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(TestApp.Password, text);
        }
    }

    private async Task<Guid> UserIdAsync(string email = TestApp.ClinicianEmail)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProgressTracker.Web.Infrastructure.Data.AppDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Users.Where(u => u.Email == email).Select(u => u.Id));
    }

    internal static async Task<ApiClient> AdminAsync(TestApp app)
    {
        var email = $"admin-{Guid.NewGuid():N}@clinic.test";
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(email, Roles.Admin, TestApp.Password, default);
        return await ApiClient.SignInAsync(app, email);
    }
}
