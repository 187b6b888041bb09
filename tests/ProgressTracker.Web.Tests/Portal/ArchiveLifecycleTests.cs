using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Storage;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Portal;

/// <summary>An archive's life around the download: one at a time while building, gone (410) after its lifetime.</summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class ArchiveLifecycleTests(EmbeddedAppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Asking_again_while_one_is_being_prepared_returns_that_one()
    {
        var staff = await ApiClient.SignInAsync(App);
        var (patientId, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        var patient = await PatientAccounts.SignedInAsync(App, patientId);
        // A running archive whose job is still at work (recent, so the sweep leaves it alone).
        var running = new DataArchive { PatientId = Guid.Parse(patientId), CreatedAt = Now(), FileName = "my-progress-photos-2026-12-06.zip" };
        running.MarkRunning(Now());
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.DataArchives.Add(running);
            await db.SaveChangesAsync();
        }

        foreach (var _ in Enumerable.Range(0, 2))
        {
            var response = await patient.Http.PostAsync("/api/v1/me/archive", null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(running.Id.ToString(), body.GetProperty("id").GetString());
            Assert.Equal("running", body.GetProperty("status").GetString());
        }
        var file = await patient.Http.GetAsync($"/api/v1/me/archive/{running.Id}/file");
        Assert.Equal(HttpStatusCode.Conflict, file.StatusCode);
        Assert.Contains("still being prepared", (await file.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataArchives
                .CountAsync(a => a.PatientId == Guid.Parse(patientId)));
    }

    [Fact]
    public async Task An_expired_archive_answers_410_and_the_sweep_removes_its_file_but_keeps_the_row()
    {
        var staff = await ApiClient.SignInAsync(App);
        var (patientId, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        var visit = (await staff.CreateVisitAsync(patientId)).GetProperty("id").GetString()!;
        await staff.UploadReadyAsync(visit, TestImages.Jpeg(600, 800, seed: 31), "left-lateral");
        var patient = await PatientAccounts.SignedInAsync(App, patientId);
        var id = (await (await patient.Http.PostAsync("/api/v1/me/archive", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetString()!;
        await ArchiveApiContract.WaitReadyAsync(patient, id);
        var archiveId = Guid.Parse(id);
        string key;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            key = (await db.DataArchives.SingleAsync(a => a.Id == archiveId)).ResultKey!;
            Assert.True(await App.Services.GetRequiredService<IBlobStore>().ExistsAsync(key, default));
            await db.DataArchives.Where(a => a.Id == archiveId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ExpiresAt, Now() - TimeSpan.FromMinutes(1)));
        }

        var file = await patient.Http.GetAsync($"/api/v1/me/archive/{id}/file");
        Assert.Equal(HttpStatusCode.Gone, file.StatusCode);
        Assert.Contains("prepare a new one", (await file.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var status = await patient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/me/archive/{id}");
        Assert.True(status.GetProperty("expired").GetBoolean());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("fileUrl").ValueKind);

        // The sweep runs every second in tests.
        await Eventually.TrueAsync(async () => !await App.Services.GetRequiredService<IBlobStore>().ExistsAsync(key, default),
            "the expired archive's file removed", TimeSpan.FromSeconds(30));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataArchives.AsNoTracking()
                .SingleAsync(a => a.Id == archiveId);
            Assert.Equal(DataArchiveStatus.Ready, row.Status);
            Assert.Null(row.ResultKey);
        }
        Assert.Equal(HttpStatusCode.Gone, (await patient.Http.GetAsync($"/api/v1/me/archive/{id}/file")).StatusCode);
    }

    private DateTimeOffset Now() => App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
}
