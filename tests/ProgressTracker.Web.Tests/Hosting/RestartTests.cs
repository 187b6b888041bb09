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

    [Fact]
    public async Task Photos_pending_when_the_app_stops_are_processed_after_it_starts_again()
    {
        // A web-only process stores and queues photos but runs no jobs, so they are certainly still Pending.
        await using var app = await TestApp.StartAsync(Mode, role: "Web");
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
        await app.StartAsync(role: "All");

        var again = await ApiClient.SignInAsync(app);
        foreach (var id in ids)
            Assert.Equal("ready", (await again.WaitUntilSettledAsync(id)).GetProperty("status").GetString());
    }
}

/// <summary>The in-memory job queue is lost: the start-up sweep must re-queue.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class RestartTests : RestartContract
{
    protected override StorageMode Mode => StorageMode.Embedded;
}

/// <summary>The PostgreSQL job queue survives: the worker picks the jobs up.</summary>
[Trait(Tier.Name, Tier.Postgres)]
public sealed class RestartProductionTests : RestartContract
{
    protected override StorageMode Mode => StorageMode.Production;
}
