using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ProgressTracker.Web;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// The promise: the timeline page of a patient with 30 visits × 4 views renders server-side in under 100 ms median on
/// the embedded default. Measured on the real app on real Kestrel, signed in through the login page like a browser.
/// Peers in the same run, on the same session: the timeline API (the same query as JSON, no HTML) and /health (an HTTP
/// round trip with a database connection check, no sign-in check), so the page's figure splits into its parts.
/// </summary>
public static class TimelineBenchmark
{
    private const double TargetMs = 100;
    private const string Email = "bench@local.test";
    private const string Password = "Bench-Pass-2026";

    private sealed record Probe(string Label, string Url, Action<HttpStatusCode, byte[]> Check)
    {
        public LatencyFigures Figures { get; } = new();
        public long Bytes { get; set; }
        /// <summary>The first request after start (JIT, first queries), left out of the figures.</summary>
        public double FirstMs { get; set; }
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var warmup = BenchArgs.Option(args, "--warmup", 30);
        var requests = BenchArgs.Option(args, "--requests", 200);
        var otherPatients = BenchArgs.Option(args, "--other-patients", 200);
        var data = Path.Combine(Path.GetTempPath(), $"pt-bench-{Guid.NewGuid():N}");
        var app = AppHost.Build(["--urls=http://127.0.0.1:0", $"--App:DataDirectory={data}", "--Demo:Seed=false",
            "--Logging:LogLevel:Default=Warning"]);
        await AppHost.InitializeAsync(app);
        await app.StartAsync();
        try
        {
            var baseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var seeded = await SeedAsync(app, otherPatients);
            using var http = await PageSession.SignInAsync(baseUrl, Email, Password);
            Probe[] probes =
            [
                new("page    GET /patients/{id}", $"/patients/{seeded.PatientId}",
                    (s, b) => TimelineResponseChecks.Page(s, b, seeded)),
                new("API     GET /api/v1/patients/{id}/timeline", $"/api/v1/patients/{seeded.PatientId}/timeline",
                    (s, b) => TimelineResponseChecks.Api(s, b, seeded)),
                new("floor   GET /health", "/health", (s, b) => TimelineResponseChecks.Health(s, b)),
            ];

            Console.WriteLine($"Timeline benchmark: one patient with {seeded.Visits} visits × {seeded.Views} views " +
                              $"({seeded.Photos} Ready photos, {seeded.NeedsReview} needing review) among " +
                              $"{seeded.OtherPatients} other patients ({seeded.AllPhotos} photos in all); embedded default, " +
                              $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {Machine.LoadAverage()}");
            Console.WriteLine($"  {warmup} warm-up + {requests} measured rounds; each round requests all three, in an " +
                              "order rotated every round; every response checked, body fully downloaded");

            for (var round = 0; round < warmup + requests; round++)
            {
                for (var k = 0; k < probes.Length; k++)
                {
                    var probe = probes[(round + k) % probes.Length]; // no probe always goes first
                    var (status, body, ms) = await GetAsync(http, probe.Url);
                    probe.Check(status, body);
                    if (round == 0) probe.FirstMs = ms;
                    if (round < warmup) continue;
                    probe.Figures.Add(ms);
                    probe.Bytes = body.Length;
                }
            }

            foreach (var p in probes)
                Console.WriteLine($"  {p.Label,-44} median {p.Figures.Median,7:0.0} ms   p95 {p.Figures.P95,7:0.0} ms   " +
                                  $"max {p.Figures.Max,7:0.0} ms   {p.Bytes / 1024.0,6:0.0} KiB   (first request {p.FirstMs:0} ms)");
            // Page, API and floor of one round ran back to back, so their differences are paired: a burst of load
            // on the machine moves all three and cancels out of the medians of the differences.
            var (page, api, floor) = (probes[0].Figures, probes[1].Figures, probes[2].Figures);
            Console.WriteLine($"  paired differences, median per round: API − floor {LatencyFigures.MedianDifference(api, floor),5:0.0} ms " +
                              $"(cookie check, patient, timeline query, JSON), page − API {LatencyFigures.MedianDifference(page, api),5:0.0} ms " +
                              "(HTML instead of JSON)");
            Console.WriteLine($"  load average at end {Machine.LoadAverage()}");
            var met = page.Median < TargetMs;
            Console.WriteLine(met
                ? $"Verdict: MET — the timeline page renders in {page.Median:0.0} ms median (target < {TargetMs:0} ms)."
                : $"Verdict: NOT MET — the timeline page takes {page.Median:0.0} ms median (target < {TargetMs:0} ms).");
            return met ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<TimelineSeeded> SeedAsync(WebApplication app, int otherPatients)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (user, error) = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .AddAsync(Email, Roles.Clinician, Password, CancellationToken.None);
        if (user is null) throw new InvalidOperationException($"Could not create the clinician: {error}");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await new TimelineSeed(db, user.Id).WriteAsync(otherPatients, CancellationToken.None);
    }

    /// <summary>Time to the last byte of the body: what a browser waits for before it can lay the page out.</summary>
    private static async Task<(HttpStatusCode Status, byte[] Body, double Ms)> GetAsync(HttpClient http, string url)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, body, watch.Elapsed.TotalMilliseconds);
    }
}
