using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProgressTracker.Web;
using ProgressTracker.Web.Infrastructure.Identity;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// How long a refused API sign-in takes for an unknown address, a wrong password and a locked account, on the
/// embedded default. The test (EnumerationTests) proves the same work is done — one hash each, and a row write for
/// existing accounts; this measures what is left: the unknown address has no row to write. Rounds rotate the order of
/// the three cases, so the differences are paired. The wrong-password account has lockout switched off, so it stays a
/// wrong password however many rounds run.
/// </summary>
public static class SignInBenchmark
{
    private const string Password = "Bench-Pass-2026";

    public static async Task<int> RunAsync(string[] args)
    {
        var warmup = BenchArgs.Option(args, "--warmup", 20);
        var requests = BenchArgs.Option(args, "--requests", 200);
        var data = Path.Combine(Path.GetTempPath(), $"pt-bench-signin-{Guid.NewGuid():N}");
        var app = AppHost.Build(["--urls=http://127.0.0.1:0", $"--App:DataDirectory={data}", "--Demo:Seed=false",
            "--Logging:LogLevel:Default=Warning", "--RateLimits:Login:PermitLimit=1000000"]);
        await AppHost.InitializeAsync(app);
        await app.StartAsync();
        try
        {
            const string wrong = "bench-wrong@local.test", locked = "bench-locked@local.test";
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                var (w, _) = await accounts.AddAsync(wrong, Roles.Clinician, Password, default);
                await users.SetLockoutEnabledAsync(w!, false);
                var (l, _) = await accounts.AddAsync(locked, Roles.Clinician, Password, default);
                await users.SetLockoutEndDateAsync(l!, DateTimeOffset.MaxValue);
            }
            using var http = new HttpClient
            {
                BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
                Timeout = TimeSpan.FromMinutes(1),
            };
            (string Label, string Email, string Password)[] cases =
            [
                ("unknown address", "bench-nobody@local.test", Password), ("wrong password", wrong, "Not-the-password-1"),
                ("locked account", locked, Password),
            ];
            var figures = cases.Select(_ => new LatencyFigures()).ToArray();
            for (var round = 0; round < warmup + requests; round++)
                for (var i = 0; i < cases.Length; i++)
                {
                    var k = (i + round) % cases.Length;
                    var watch = Stopwatch.StartNew();
                    using var response = await http.PostAsJsonAsync("/api/v1/auth/login",
                        new { email = cases[k].Email, password = cases[k].Password });
                    await response.Content.ReadAsByteArrayAsync();
                    var ms = watch.Elapsed.TotalMilliseconds;
                    if (response.StatusCode != HttpStatusCode.Unauthorized)
                        throw new InvalidOperationException($"{cases[k].Label}: {response.StatusCode}");
                    if (round >= warmup) figures[k].Add(ms);
                }

            Console.WriteLine($"Sign-in benchmark: refused POST /api/v1/auth/login on the embedded default (SQLite), " +
                              $"{Environment.ProcessorCount} cores, .NET {Environment.Version}; {warmup} warm-up + {requests} measured rounds");
            for (var k = 0; k < cases.Length; k++)
                Console.WriteLine($"  {cases[k].Label,-16} median {figures[k].Median,7:0.00} ms   p95 {figures[k].P95,7:0.00} ms   max {figures[k].Max,7:0.00} ms");
            Console.WriteLine($"  paired difference, median per round: wrong − unknown {LatencyFigures.MedianDifference(figures[1], figures[0]),6:0.00} ms, " +
                              $"locked − unknown {LatencyFigures.MedianDifference(figures[2], figures[0]),6:0.00} ms");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }
}
