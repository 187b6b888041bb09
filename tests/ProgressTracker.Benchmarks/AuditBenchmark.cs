using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ProgressTracker.Imaging.Synthetic;
using ProgressTracker.Web;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Infrastructure.Identity;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// The promise: writing an audit entry does not slow a photo view noticeably. Two copies of the real app on the same
/// embedded database serve the same thumbnail: one as shipped (an audit insert per view), the peer with a trail that
/// writes nothing (swapped in through the host's build event, as the tests do; the app has no switch to turn auditing
/// off). Rounds alternate between them with /health as the floor, so the differences are paired. Then RecordAsync
/// alone, and how fast the sealer chains what was written.
/// </summary>
public static class AuditBenchmark
{
    private const string Email = "bench-audit@local.test";
    private const string Password = "Bench-Pass-2026";

    public static async Task<int> RunAsync(string[] args)
    {
        var warmup = BenchArgs.Option(args, "--warmup", 50);
        var requests = BenchArgs.Option(args, "--requests", 400);
        var data = Path.Combine(Path.GetTempPath(), $"pt-bench-audit-{Guid.NewGuid():N}");
        string[] settings = ["--urls=http://127.0.0.1:0", $"--App:DataDirectory={data}", "--Demo:Seed=false",
            "--Logging:LogLevel:Default=Warning"];
        var audited = AppHost.Build(settings);
        await AppHost.InitializeAsync(audited);
        await audited.StartAsync();
        WebApplication? silent = null;
        try
        {
            await using (var scope = audited.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(Email, Roles.Clinician, Password, default);
            using var on = await SignInAsync(Address(audited));
            var photoId = await UploadReadyAsync(on);
            silent = HostBuildHook.Build(() => AppHost.Build(settings),
                s => s.AddSingleton<IAuditTrail, NoAuditTrail>());
            await silent.StartAsync();
            using var off = await SignInAsync(Address(silent));
            var thumb = $"/api/v1/photos/{photoId}/media/thumb";

            var (withAudit, without, floor) = (new LatencyFigures(), new LatencyFigures(), new LatencyFigures());
            for (var round = 0; round < warmup + requests; round++)
            {
                var order = round % 2 == 0 ? new[] { 0, 1, 2 } : [1, 0, 2];
                foreach (var k in order)
                {
                    var ms = await TimeAsync(k == 0 ? on : k == 1 ? off : on, k == 2 ? "/health" : thumb);
                    if (round >= warmup) (k == 0 ? withAudit : k == 1 ? without : floor).Add(ms);
                }
            }

            var trail = audited.Services.GetRequiredService<IAuditTrail>();
            var record = new LatencyFigures();
            for (var i = 0; i < warmup + requests; i++)
            {
                var watch = Stopwatch.StartNew();
                await trail.RecordAsync(new AuditEvent(AuditActions.PhotoViewed, ResourceType: "photo",
                    ResourceId: photoId, Detail: "thumb"));
                if (i >= warmup) record.Add(watch.Elapsed.TotalMilliseconds);
            }
            var writer = audited.Services.GetRequiredService<AuditWriter>();
            await writer.FlushAsync(CancellationToken.None);
            await audited.Services.GetRequiredService<AuditSealer>().SealAsync(CancellationToken.None);
            // A burst as from a busy clinic: how long until the background writer and sealer have chained it all.
            const int burst = 5000;
            var sealWatch = Stopwatch.StartNew();
            for (var i = 0; i < burst; i++)
                await trail.RecordAsync(new AuditEvent(AuditActions.PhotoViewed, ResourceType: "photo", ResourceId: photoId));
            var handOverMs = sealWatch.Elapsed.TotalMilliseconds;
            await writer.FlushAsync(CancellationToken.None);
            while (await UnsealedAsync(audited) > 0) await Task.Delay(10);
            var sealMs = sealWatch.Elapsed.TotalMilliseconds;
            await using var verifyScope = audited.Services.CreateAsyncScope();
            var verifyWatch = Stopwatch.StartNew();
            var verified = await verifyScope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(default);
            var verifyMs = verifyWatch.Elapsed.TotalMilliseconds;

            Console.WriteLine($"Audit benchmark: one 320 px thumbnail over HTTP on the embedded default (SQLite, files), " +
                              $"{Environment.ProcessorCount} cores, .NET {Environment.Version}; {warmup} warm-up + {requests} measured rounds");
            Print("thumb, audit on  (as shipped)", withAudit);
            Print("thumb, audit off (peer)", without);
            Print("floor GET /health", floor);
            Console.WriteLine($"  paired difference, median per round: on − off {LatencyFigures.MedianDifference(withAudit, without),6:0.00} ms");
            Print("RecordAsync alone (hand-over)", record);
            Console.WriteLine($"  burst: {burst} entries handed over in {handOverMs:0} ms, written and chained after {sealMs:0} ms " +
                              $"({burst / (sealMs / 1000):0} per second); " +
                              $"verify walked {verified.Checked} entries in {verifyMs:0} ms, ok={verified.Ok}");
            return verified.Ok ? 0 : 1;
        }
        finally
        {
            if (silent is not null) { await silent.StopAsync(); await silent.DisposeAsync(); }
            await audited.StopAsync();
            await audited.DisposeAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<int> UnsealedAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProgressTracker.Web.Infrastructure.Data.AppDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.AuditEntries, e => e.Sequence == null);
    }

    private static void Print(string label, LatencyFigures f) =>
        Console.WriteLine($"  {label,-34} median {f.Median,7:0.00} ms   p95 {f.P95,7:0.00} ms   max {f.Max,7:0.00} ms");

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static async Task<HttpClient> SignInAsync(Uri address)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(1) };
        var response = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = Email, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<string> UploadReadyAsync(HttpClient http)
    {
        var patient = await (await http.PostAsJsonAsync("/api/v1/patients",
            new { displayName = "Bench A.", recordNumber = "B-1", dateOfBirth = "1990-01-01" })).Content.ReadFromJsonAsync<JsonElement>();
        var visit = await (await http.PostAsJsonAsync($"/api/v1/patients/{patient.GetProperty("id")}/visits",
            new { date = "2026-03-12", kind = "baseline" })).Content.ReadFromJsonAsync<JsonElement>();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(SyntheticBody.RenderJpeg(new SyntheticBodyOptions(Width: 900, Height: 1200, View: "left-lateral", Seed: 1)));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "photo.jpg");
        form.Add(new StringContent("left-lateral"), "view");
        var uploaded = await (await http.PostAsync($"/api/v1/visits/{visit.GetProperty("id")}/photos", form))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = uploaded.GetProperty("id").GetString()!;
        var watch = Stopwatch.StartNew();
        while ((await http.GetFromJsonAsync<JsonElement>($"/api/v1/photos/{id}")).GetProperty("status").GetString() != "ready")
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(2)) throw new InvalidOperationException("The photo was not processed.");
            await Task.Delay(200);
        }
        return id;
    }

    /// <summary>Time to the last byte, as a browser waits for an image.</summary>
    private static async Task<double> TimeAsync(HttpClient http, string url)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        return watch.Elapsed.TotalMilliseconds;
    }


    /// <summary>The peer's trail: records nothing.</summary>
    private sealed class NoAuditTrail : IAuditTrail
    {
        public Task RecordAsync(AuditEvent entry, CancellationToken ct = default) => Task.CompletedTask;
    }
}
