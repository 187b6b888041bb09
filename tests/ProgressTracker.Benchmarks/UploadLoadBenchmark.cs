using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Azure.Storage.Blobs;
using ProgressTracker.Stack;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// Many clinicians uploading at once: 50 concurrent clients in this process send 5 MB phone photos (each with unique
/// bytes) to the published app's web process on loopback for a bounded time. Prints the error rate (must be 0), the
/// accept latency (p50/p95), the throughput and the web process's peak memory against what whole-file buffering would
/// hold (50 × 5 MB). The peer, in the same run, is the blob store alone: the same 50 clients putting the same files
/// straight into Azurite, which is the floor any upload path pays. No worker runs, so only accepting is measured.
/// </summary>
public static class UploadLoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var clients = BenchArgs.Option(args, "--clients", 50);
        var seconds = BenchArgs.Option(args, "--seconds", 30);
        var photo = Photo();
        Console.WriteLine($"upload-load: {clients} clients × {photo.Length / 1048576.0:0.0} MB photos for {seconds} s each phase; " +
                          $"{Environment.ProcessorCount} cores; {Machine.Describe()}");

        await using var services = await StackServices.StartAsync("load");
        await using var stack = await ProductionStack.StartAsync(services);

        // ---- the peer: straight into the blob store
        var container = new BlobContainerClient(services.Azurite, $"peer{Guid.NewGuid():N}");
        await container.CreateIfNotExistsAsync();
        var peer = await RunPhaseAsync(clients, seconds, async (client, i) =>
        {
            await container.GetBlobClient($"c{client}/{i}.jpg").UploadAsync(new BinaryData(Unique(photo)), overwrite: true);
            return HttpStatusCode.Created;
        });

        // ---- the app: one visit per client, every upload unique bytes
        var api = await stack.SignInAsync();
        var visits = new List<string>();
        for (var c = 0; c < clients; c++)
            visits.Add(await api.CreateVisitAsync(await api.CreatePatientAsync($"L-{Guid.NewGuid():N}"[..14]), "baseline", "2026-12-01"));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients })
        {
            BaseAddress = stack.Web.Url, Timeout = TimeSpan.FromMinutes(5),
        };
        http.DefaultRequestHeaders.Authorization = (await StackClient.SignInAsync(stack.Web.Url, ProductionStack.ClinicianEmail,
            ProductionStack.Password)).Authorization;
        var idle = stack.Web.MemoryBytes;
        var peakRss = idle;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakRss = Math.Max(peakRss, stack.Web.MemoryBytes);
                await Task.Delay(50);
            }
        });
        var cpuBefore = stack.Web.CpuTime;
        var app = await RunPhaseAsync(clients, seconds, async (client, i) =>
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Unique(photo));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", "photo.jpg");
            form.Add(new StringContent("front"), "view");
            using var response = await http.PostAsync($"/api/v1/visits/{visits[client]}/photos", form);
            return response.StatusCode;
        });
        await sampling.CancelAsync();
        await sampler;
        var webCpu = stack.Web.CpuTime - cpuBefore;
        var hwm = stack.Web.PeakMemoryBytes;

        Console.WriteLine();
        Console.WriteLine("| path | uploads | errors | accept p50 ms | accept p95 ms | MB/s |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Print("blob store alone (peer)", peer, photo.Length);
        Print("app: POST /api/v1/visits/{id}/photos", app, photo.Length);
        Console.WriteLine();
        Console.WriteLine($"web process memory: {idle / 1048576.0:0} MB idle before the load, peak {Math.Max(peakRss, hwm) / 1048576.0:0} MB " +
                          $"(VmHWM, sampled every 50 ms); whole-file buffering would hold {clients} × {photo.Length / 1048576.0:0.0} MB = " +
                          $"{clients * photo.Length / 1048576.0:0} MB on top");
        Console.WriteLine($"web process CPU: {webCpu.TotalMilliseconds / Math.Max(1, app.Latencies.Count):0} ms per upload " +
                          "(hashing, checks, form parsing, the blob write)");
        Console.WriteLine($"app accept p95 is {app.P95 / Math.Max(1, peer.P95):0.00}× the blob store's own p95; error rate " +
                          $"{(double)app.Errors.Sum(e => e.Value) / Math.Max(1, app.Latencies.Count + app.Errors.Sum(e => e.Value)):P1}");
        return app.Errors.IsEmpty ? 0 : 1;
    }

    private sealed record Phase(List<double> Latencies, ConcurrentDictionary<string, int> Errors, double Seconds)
    {
        public double P50 => Percentiles.Of(Latencies, 50);
        public double P95 => Percentiles.Of(Latencies, 95);
    }

    private static void Print(string name, Phase phase, int bytes) =>
        Console.WriteLine($"| {name} | {phase.Latencies.Count} | {phase.Errors.Sum(e => e.Value)} | {phase.P50:0} | " +
                          $"{phase.P95:0} | {phase.Latencies.Count * (double)bytes / 1048576 / phase.Seconds:0} |");

    /// <summary>Each client sends one upload after another until the time is up; every answer but a success is an error.</summary>
    private static async Task<Phase> RunPhaseAsync(int clients, int seconds, Func<int, int, Task<HttpStatusCode>> send)
    {
        var latencies = new List<double>();
        var errors = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            for (var i = 0; clock.Elapsed.TotalSeconds < seconds; i++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var status = await send(client, i);
                    if ((int)status is >= 200 and < 300)
                        lock (latencies) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    else errors.AddOrUpdate(((int)status).ToString(), 1, (_, n) => n + 1);
                }
                catch (Exception e)
                {
                    errors.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                }
            }
        }));
        return new Phase(latencies, errors, clock.Elapsed.TotalSeconds);
    }

    /// <summary>A 12 MP noisy phone photo of about 5 MB.</summary>
    private static byte[] Photo()
    {
        var path = Path.Combine(Path.GetTempPath(), "pt-upload-load-v1.jpg");
        if (!File.Exists(path)) File.WriteAllBytes(path, PhoneCameraFiles.NoisyJpeg(seed: 31, quality: 97));
        return File.ReadAllBytes(path);
    }

    /// <summary>The photo with a comment segment of random bytes after the start marker: same pixels, new content hash.</summary>
    private static byte[] Unique(byte[] jpeg)
    {
        var comment = new byte[20];
        comment[0] = 0xFF; comment[1] = 0xFE; comment[2] = 0; comment[3] = 18;
        Random.Shared.NextBytes(comment.AsSpan(4));
        return [.. jpeg.AsSpan(0, 2), .. comment, .. jpeg.AsSpan(2)];
    }
}
