using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ProgressTracker.Imaging.Synthetic;
using ProgressTracker.Web;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Infrastructure.Jobs;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// What the embedded default's durable job queue (Hangfire.Storage.SQLite, decision 0028) costs against the in-memory
/// peer, both in the real app on the embedded default: the time from enqueue to a trivial job starting on an idle
/// queue, jobs per second for a burst of trivial jobs, and how a photo's upload-to-ready time compares. The two run one
/// after the other in the same process, each on a fresh data folder, with the same poll interval.
/// </summary>
public static class JobStorageBenchmark
{
    private const string Email = "bench-jobs@local.test";
    private const string Password = "Bench-Pass-2026";

    public static async Task<int> RunAsync(string[] args)
    {
        var jobs = BenchArgs.Option(args, "--jobs", 500);
        var probes = BenchArgs.Option(args, "--probes", 40);
        var photos = BenchArgs.Option(args, "--photos", 10);
        var poll = TimeSpan.FromMilliseconds(BenchArgs.Option(args, "--poll-ms", 2000));
        var results = new List<(string Name, Figures F)>();
        foreach (var kind in new[] { EmbeddedJobStorage.Sqlite, EmbeddedJobStorage.InMemory })
            results.Add((kind.ToString(), await MeasureAsync(kind, jobs, probes, photos, poll)));

        Console.WriteLine($"Job storage benchmark: embedded default, Host:Role=All, {Environment.ProcessorCount} cores, " +
                          $".NET {Environment.Version}; Jobs:PollInterval={poll.TotalMilliseconds:0} ms (SQLite polls at most every 500 ms); " +
                          $"{probes} single jobs on an idle queue, a burst of {jobs}, {photos} photos; random pauses between probes");
        Console.WriteLine($"  {"",-34}{results[0].Name,16}{results[1].Name,16}");
        Row("enqueue → start, median (ms)", results, f => f.Latency.Median);
        Row("enqueue → start, p95 (ms)", results, f => f.Latency.P95);
        Row("enqueue call, median (ms)", results, f => f.EnqueueCall.Median);
        Row($"burst of {jobs}: jobs/s", results, f => f.JobsPerSecond);
        Row("photo upload → ready, median (ms)", results, f => f.Photo.Median);
        Row("queue latency / photo time (%)", results, f => 100 * f.Latency.Median / f.Photo.Median);
        return 0;
    }

    private sealed record Figures(LatencyFigures Latency, LatencyFigures EnqueueCall, double JobsPerSecond, LatencyFigures Photo);

    private static async Task<Figures> MeasureAsync(EmbeddedJobStorage kind, int jobs, int probes, int photos, TimeSpan poll)
    {
        var data = Path.Combine(Path.GetTempPath(), $"pt-bench-jobs-{Guid.NewGuid():N}");
        var app = AppHost.Build(["--urls=http://127.0.0.1:0", $"--App:DataDirectory={data}", "--Demo:Seed=false",
            "--Logging:LogLevel:Default=Warning", $"--Jobs:EmbeddedStorage={kind}", $"--Jobs:PollInterval={poll}",
            "--Auth:RequireSecondFactor=false", "--RateLimits:Upload:PermitLimit=100000"]);
        try
        {
            await AppHost.InitializeAsync(app);
            await app.StartAsync();
            var client = app.Services.GetRequiredService<IBackgroundJobClient>();
            TrivialJob.Started.Clear();

            var latency = new LatencyFigures();
            var call = new LatencyFigures();
            for (var i = -3; i < probes; i++) // three warm-up probes
            {
                await Pause(); // so a probe does not arrive in step with the workers' polling
                var id = Guid.NewGuid();
                var start = Stopwatch.GetTimestamp();
                client.Enqueue(JobsOptions.ImagingQueue, () => TrivialJob.Run(id));
                var enqueued = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var began = await TrivialJob.WaitAsync(id, TimeSpan.FromSeconds(30));
                if (i < 0) continue;
                call.Add(enqueued);
                latency.Add(Stopwatch.GetElapsedTime(start, began).TotalMilliseconds);
            }

            var ids = Enumerable.Range(0, jobs).Select(_ => Guid.NewGuid()).ToList();
            var burst = Stopwatch.StartNew();
            foreach (var id in ids) client.Enqueue(JobsOptions.ImagingQueue, () => TrivialJob.Run(id));
            foreach (var id in ids) await TrivialJob.WaitAsync(id, TimeSpan.FromMinutes(5));
            var perSecond = jobs / burst.Elapsed.TotalSeconds;

            await using (var scope = app.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(Email, Roles.Clinician, Password, default);
            using var http = await SignInAsync(Address(app));
            var visit = await CreateVisitAsync(http);
            var photo = new LatencyFigures();
            for (var i = -1; i < photos; i++)
            {
                await Pause();
                var ms = await UploadToReadyAsync(http, visit, seed: i + 2);
                if (i >= 0) photo.Add(ms);
            }
            return new Figures(latency, call, perSecond, photo);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>A random pause of up to one second, longer than the SQLite queue's polling (at most 0.5 s).</summary>
    private static Task Pause() => Task.Delay(Random.Shared.Next(0, 1000));

    private static void Row(string label, List<(string Name, Figures F)> results, Func<Figures, double> value) =>
        Console.WriteLine($"  {label,-34}{value(results[0].F),16:0.0}{value(results[1].F),16:0.0}");

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

    private static async Task<string> CreateVisitAsync(HttpClient http)
    {
        var patient = await (await http.PostAsJsonAsync("/api/v1/patients",
            new { displayName = "Bench J.", recordNumber = "J-1", dateOfBirth = "1990-01-01" })).Content.ReadFromJsonAsync<JsonElement>();
        var visit = await (await http.PostAsJsonAsync($"/api/v1/patients/{patient.GetProperty("id")}/visits",
            new { date = "2026-03-12", kind = "baseline" })).Content.ReadFromJsonAsync<JsonElement>();
        return visit.GetProperty("id").GetString()!;
    }

    /// <summary>From sending the upload until the API reports the photo ready (status polled every 10 ms).</summary>
    private static async Task<double> UploadToReadyAsync(HttpClient http, string visit, int seed)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(SyntheticBody.RenderJpeg(new SyntheticBodyOptions(Width: 900, Height: 1200, View: "front", Seed: seed)));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "photo.jpg");
        form.Add(new StringContent("front"), "view");
        var watch = Stopwatch.StartNew();
        var uploaded = await (await http.PostAsync($"/api/v1/visits/{visit}/photos", form)).Content.ReadFromJsonAsync<JsonElement>();
        var id = uploaded.GetProperty("id").GetString()!;
        while ((await http.GetFromJsonAsync<JsonElement>($"/api/v1/photos/{id}")).GetProperty("status").GetString() is not ("ready" or "failed"))
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(2)) throw new InvalidOperationException("The photo was not processed.");
            await Task.Delay(10);
        }
        return watch.Elapsed.TotalMilliseconds;
    }

}

/// <summary>The job measured: records when it started and does nothing else. Public so Hangfire can run it.</summary>
public static class TrivialJob
{
    internal static readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> Started = new();

    public static void Run(Guid id) =>
        Started.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(Stopwatch.GetTimestamp());

    internal static async Task<long> WaitAsync(Guid id, TimeSpan timeout) =>
        await Started.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(timeout);
}
