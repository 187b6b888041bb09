using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ProgressTracker.Imaging;
using ProgressTracker.Imaging.Synthetic;
using ProgressTracker.Web;
using ProgressTracker.Web.Infrastructure.Identity;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// The walking skeleton's promise on the embedded default: a 12-megapixel JPEG upload answers 202 in under a second
/// and is Ready with its derivatives within 10 seconds. Measured through the real HTTP API on real Kestrel. The peer
/// in the same run is the floor any upload must pay: hashing the same bytes and writing them to disk.
/// </summary>
public static class IngestBenchmark
{
    public static async Task RunAsync(int photos)
    {
        var data = Path.Combine(Path.GetTempPath(), $"pt-bench-{Guid.NewGuid():N}");
        var app = AppHost.Build(["--urls=http://127.0.0.1:0", $"--App:DataDirectory={data}", "--Demo:Seed=false",
            "--Logging:LogLevel:Default=Warning"]);
        await AppHost.InitializeAsync(app);
        await app.StartAsync();
        try
        {
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            await using (var scope = app.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<UserAccounts>()
                    .AddAsync("bench@local.test", Roles.Clinician, "Bench-Pass-2026", CancellationToken.None);

            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
            var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "bench@local.test", password = "Bench-Pass-2026" });
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var patient = await PostJsonAsync(http, "/api/v1/patients", new { displayName = "Bench", recordNumber = "B-1" });
            var visit = await PostJsonAsync(http, $"/api/v1/patients/{patient}/visits", new { date = "2026-03-12", kind = "baseline" });

            var jpegs = Enumerable.Range(1, photos).Select(PhoneLikeJpeg).ToList();
            Console.WriteLine($"Ingest benchmark: {photos} synthetic 4032×3024 (12.2 MP) JPEGs, " +
                              $"median {jpegs.Select(j => j.Length).Order().ElementAt(photos / 2) / 1024} KiB, embedded default, " +
                              $"{Environment.ProcessorCount} cores");

            var floor = jpegs.Select(j => Time(() => HashAndWrite(j, Path.Combine(data, "floor.bin")))).ToList();
            var accepted = new List<double>();
            var ready = new List<double>();
            foreach (var jpeg in jpegs)
            {
                var (id, uploadMs) = await UploadAsync(http, visit, jpeg);
                accepted.Add(uploadMs);
                ready.Add(uploadMs + await WaitReadyAsync(http, id));
            }

            Console.WriteLine($"  peer  hash+write to disk         median {Median(floor),8:0.0} ms");
            Console.WriteLine($"  ours  upload → 202 Accepted      median {Median(accepted),8:0.0} ms   max {accepted.Max(),8:0.0} ms   (target < 1000 ms)");
            Console.WriteLine($"  ours  upload → Ready (3 derivs)  median {Median(ready),8:0.0} ms   max {ready.Max(),8:0.0} ms   (target < 10000 ms)");
            Console.WriteLine($"  ratio upload/floor               {Median(accepted) / Median(floor),8:0.0}×");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// A synthetic body photo with sensor-like noise, encoded at q92: about the size of a real 12 MP phone JPEG
    /// (a clean render compresses to a tenth of that and would flatter every figure).
    /// </summary>
    private static byte[] PhoneLikeJpeg(int seed)
    {
        using var image = SyntheticBody.Render(new SyntheticBodyOptions(Width: 4032, Height: 3024, View: "left-lateral", Seed: seed));
        using var noise = new OpenCvSharp.Mat(image.Size(), OpenCvSharp.MatType.CV_16SC3);
        var rng = new OpenCvSharp.RNG((ulong)seed);
        rng.Fill(noise, OpenCvSharp.DistributionType.Normal, OpenCvSharp.Scalar.All(0), OpenCvSharp.Scalar.All(6));
        using var wide = new OpenCvSharp.Mat();
        image.ConvertTo(wide, OpenCvSharp.MatType.CV_16SC3);
        using var sum = new OpenCvSharp.Mat();
        OpenCvSharp.Cv2.Add(wide, noise, sum);
        using var noisy = new OpenCvSharp.Mat();
        sum.ConvertTo(noisy, OpenCvSharp.MatType.CV_8UC3); // saturates to 0..255
        return noisy.ImEncode(".jpg", new OpenCvSharp.ImageEncodingParam(OpenCvSharp.ImwriteFlags.JpegQuality, 92));
    }

    private static async Task<string> PostJsonAsync(HttpClient http, string url, object body)
    {
        var response = await http.PostAsJsonAsync(url, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<(string Id, double Ms)> UploadAsync(HttpClient http, string visit, byte[] jpeg)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(jpeg) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "file", "p.jpg");
        form.Add(new StringContent("left-lateral"), "view");
        var watch = Stopwatch.StartNew();
        var response = await http.PostAsync($"/api/v1/visits/{visit}/photos", form);
        var ms = watch.Elapsed.TotalMilliseconds;
        if ((int)response.StatusCode != 202) throw new InvalidOperationException($"Upload answered {(int)response.StatusCode}.");
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!, ms);
    }

    private static async Task<double> WaitReadyAsync(HttpClient http, string id)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            var photo = await http.GetFromJsonAsync<JsonElement>($"/api/v1/photos/{id}");
            var status = photo.GetProperty("status").GetString();
            if (status == "ready") return watch.Elapsed.TotalMilliseconds;
            if (status == "failed") throw new InvalidOperationException(photo.GetProperty("failureReason").GetString());
            await Task.Delay(20);
        }
        throw new TimeoutException($"Photo {id} did not become ready.");
    }

    private static void HashAndWrite(byte[] bytes, string path)
    {
        _ = SHA256.HashData(bytes);
        File.WriteAllBytes(path, bytes);
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(IReadOnlyCollection<double> values) => values.Order().ElementAt(values.Count / 2);
}
