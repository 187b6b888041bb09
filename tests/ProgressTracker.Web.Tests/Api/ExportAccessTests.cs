using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Exports;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Time.Testing;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Api;

/// <summary>An export is a disclosure: only staff make and fetch them; a lost one is healed by the sweep.</summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class ExportAccessTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Only_staff_can_make_or_fetch_exports()
    {
        var app = fixture.App;
        var (patientEmail, marketingEmail) = ($"me-{Guid.NewGuid():N}@patient.test", $"promo-{Guid.NewGuid():N}@clinic.test");
        var clinician = await ApiClient.SignInAsync(app);
        var photos = await ProgressPhotos.CreateAsync(clinician, 300, 400);
        var created = await ExportApiTests.CreateAsync(clinician, photos.PatientId, "sequence", photos.LeftLateral);
        var exportId = created.GetProperty("id").GetString()!;
        await ExportApiTests.WaitReadyAsync(clinician, exportId);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            var (patientUser, _) = await accounts.AddAsync(patientEmail, Roles.Patient, TestApp.Password, default);
            await accounts.AddAsync(marketingEmail, Roles.Marketing, TestApp.Password, default);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var record = await db.Patients.SingleAsync(p => p.Id == Guid.Parse(photos.PatientId));
            record.UserId = patientUser!.Id; // the patient's own record
            await db.SaveChangesAsync();
        }
        var body = new { kind = "sequence", view = "left-lateral", photoIds = photos.LeftLateral };
        string[] reads = [$"/api/v1/exports/{exportId}", $"/api/v1/exports/{exportId}/file", $"/api/v1/patients/{photos.PatientId}/exports"];

        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/v1/patients/{photos.PatientId}/exports", body)).StatusCode);
        foreach (var url in reads) Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);

        foreach (var email in new[] { patientEmail, marketingEmail })
        {
            var caller = await ApiClient.SignInAsync(app, email);
            var post = await caller.Http.PostAsJsonAsync($"/api/v1/patients/{photos.PatientId}/exports", body);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            foreach (var url in reads)
            {
                var response = await caller.Http.GetAsync(url);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{email} {url}: {response.StatusCode}");
                Assert.DoesNotContain("image/", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
            }
        }
        Assert.Equal(1, (await clinician.Http.GetFromJsonAsync<JsonElement>(reads[2])).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_export_whose_job_was_lost_is_rendered_by_the_sweep_and_a_second_run_changes_nothing()
    {
        // The app runs on a clock the test moves, with a sweep every ten minutes of it: the sweep's timer ticks only
        // when the test moves the clock on. It starts at the real time because what lies outside the app's
        // TimeProvider (job storage, signing keys, the database) keeps the real one.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = await TestApp.StartAsync(StorageMode.Embedded, s => s.AddSingleton<TimeProvider>(clock),
            extraSettings: "--Jobs:SweepInterval=00:10:00");
        Assert.Same(clock, app.Services.GetRequiredService<TimeProvider>());
        var sweepInterval = app.Services.GetRequiredService<JobsOptions>().SweepInterval;
        var api = await ApiClient.SignInAsync(app);
        var photos = await ProgressPhotos.CreateAsync(api, 300, 400);
        var anHourAgo = clock.GetUtcNow().AddHours(-1);
        var lost = new Export
        {
            PatientId = Guid.Parse(photos.PatientId), Kind = ExportKind.SideBySide, View = PhotoView.LeftLateral,
            PhotoIds = [Guid.Parse(photos.LeftLateral[0]), Guid.Parse(photos.LeftLateral[1])], Aligned = true,
            FileName = "left-lateral-2026-03-12-vs-2026-06-18.jpg", CreatedAt = anHourAgo,
        };
        lost.MarkQueued(anHourAgo); // stored, but its job never ran
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Exports.Add(lost);
            await db.SaveChangesAsync();
        }

        var pending = await api.Http.GetAsync($"/api/v1/exports/{lost.Id}/file");
        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
        Assert.Contains("still being rendered", (await pending.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // Nothing renders it until the sweep's next tick, which treats anything older than Jobs:StuckAfter as lost.
        // The clock moves one sweep interval at a time, and only while the export still waits for the sweep.
        await Eventually.Async(
            async () =>
            {
                var export = await api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/exports/{lost.Id}");
                if (export.GetProperty("status").GetString() == "pending") clock.Advance(sweepInterval);
                return export;
            },
            export => export.GetProperty("status").GetString() != "pending",
            $"the sweep to queue export {lost.Id} again");
        var (ready, _) = await ExportApiTests.WaitReadyAsync(api, lost.Id.ToString());
        var (first, _) = await ExportApiTests.DownloadAsync(app, api, lost.Id.ToString());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<RenderExportJob>();
            Assert.Equal(RenderExportJob.Outcome.Skipped, await job.RunAsync(lost.Id, default));
        }
        var (again, _) = await ExportApiTests.DownloadAsync(app, api, lost.Id.ToString());
        Assert.Equal(first, again);
        Assert.Equal(ready.GetProperty("completedAt").GetString(),
            (await api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/exports/{lost.Id}")).GetProperty("completedAt").GetString());
    }
}
