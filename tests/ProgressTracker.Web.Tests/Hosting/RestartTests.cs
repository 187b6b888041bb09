using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Hosting;

/// <summary>
/// The row is the source of truth: photos left Pending when the app stops all reach Ready after a restart. Each test
/// stops and starts an app of its own.
/// </summary>
public abstract class RestartContract
{
    protected abstract StorageMode Mode { get; }
    protected virtual string[] Settings => [];

    [Fact]
    public async Task Photos_pending_when_the_app_stops_are_processed_after_it_starts_again()
    {
        var (app, ids) = await QueueWithoutRunningAsync(Mode, Settings);
        await using var _ = app;
        await app.StartAsync(role: "All");

        var again = await ApiClient.SignInAsync(app);
        foreach (var id in ids)
            Assert.Equal("ready", (await again.WaitUntilSettledAsync(id)).GetProperty("status").GetString());
    }

    /// <summary>
    /// A web-only process stores and queues photos but runs no jobs, so they are certainly still Pending; returns the
    /// stopped app and the photos' ids.
    /// </summary>
    protected static async Task<(TestApp App, List<string> Ids)> QueueWithoutRunningAsync(StorageMode mode, string[] settings)
    {
        var app = await TestApp.StartAsync(mode, role: "Web", extraSettings: settings);
        var api = await ApiClient.SignInAsync(app);
        var patient = await api.CreatePatientAsync();
        var visitId = (await api.CreateVisitAsync(patient.GetProperty("id").GetString()!)).GetProperty("id").GetString()!;
        var ids = new List<string>();
        foreach (var (view, seed) in new[] { ("front", 1), ("back", 2), ("left-lateral", 3) })
        {
            var response = await api.UploadAsync(visitId, TestImages.Jpeg(seed: seed), view);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }
        foreach (var id in ids)
            Assert.Equal("pending", (await api.GetPhotoAsync(id)).GetProperty("status").GetString());
        await app.StopAsync();
        return (app, ids);
    }
}

/// <summary>With <c>Jobs:EmbeddedStorage=InMemory</c> the job queue is lost: the start-up sweep must re-queue.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class RestartTests : RestartContract
{
    protected override StorageMode Mode => StorageMode.Embedded;
    protected override string[] Settings => ["--Jobs:EmbeddedStorage=InMemory"];
}

/// <summary>
/// The embedded default's SQLite job queue survives the restart: the jobs queued by the web-only process run although
/// the sweep cannot help (nothing counts as stuck for an hour, and persistent storage makes no start-up exception).
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class RestartSqliteJobsTests : RestartContract
{
    protected override StorageMode Mode => StorageMode.Embedded;
    protected override string[] Settings => ["--Jobs:StuckAfter=01:00:00"];

    /// <summary>The control: without the queue file nothing runs, so the test above is carried by the file alone.</summary>
    [Fact]
    public async Task Without_the_job_file_the_same_photos_stay_pending()
    {
        var (app, ids) = await QueueWithoutRunningAsync(Mode, Settings);
        await using var _ = app;
        foreach (var file in Directory.GetFiles(app.DataDirectory, "jobs.db*")) File.Delete(file);
        await app.StartAsync(role: "All");

        var again = await ApiClient.SignInAsync(app);
        await Task.Delay(TimeSpan.FromSeconds(4)); // 20 poll intervals and 4 sweep ticks
        foreach (var id in ids)
            Assert.Equal("pending", (await again.GetPhotoAsync(id)).GetProperty("status").GetString());
    }
}

/// <summary>The PostgreSQL job queue survives: the worker picks the jobs up, again without the sweep.</summary>
[Trait(Tier.Name, Tier.Postgres)]
public sealed class RestartProductionTests : RestartContract
{
    protected override StorageMode Mode => StorageMode.Production;
    protected override string[] Settings => ["--Jobs:StuckAfter=01:00:00"];
}
