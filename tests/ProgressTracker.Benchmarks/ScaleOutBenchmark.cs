using System.Diagnostics;
using Npgsql;
using ProgressTracker.Stack;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// Does the queue spread the work? The same backlog of photos (uploaded while no worker runs) is drained by 1, 2 and
/// 3 worker processes of the published build, one imaging job each, on the same PostgreSQL and Azurite; each run has
/// a fresh database and container. Photos/s is counted over the time the workers were busy (from the first job one
/// started to the last one finished, by Hangfire's state history, so process start-up does not count) and over the
/// whole drain from the first worker's start.
/// The peer is the one-worker run: 2 workers should reach ≥ 1.8× it on a machine with 2 free cores.
/// </summary>
public static class ScaleOutBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var patients = BenchArgs.Option(args, "--patients", 20);
        var visits = BenchArgs.Option(args, "--visits", 3);
        var counts = args.SkipWhile(a => a != "--workers").Skip(1).FirstOrDefault()?.Split(',').Select(int.Parse).ToArray()
                     ?? [1, 2, 3];
        var pinned = args.Contains("--pin");
        var n = patients * visits * ClinicWorkload.Views.Length;
        Console.WriteLine($"scale-out: {n} photos (1200x1600 generated bodies: process, align, measure) per run; " +
                          $"{Environment.ProcessorCount} cores; " +
                          (pinned ? "each worker pinned to one core (taskset), like a replica with 1 vCPU; " : "workers share every core; ") +
                          Machine.Describe());

        await using var services = await StackServices.StartAsync("scale");
        var results = new List<(int Workers, double Steady, double Overall, double CpuPerPhoto, double ServicesCpu)>();
        foreach (var workers in counts)
        {
            await using var stack = await ProductionStack.StartAsync(services, new StackOptions { PinWorkersToCores = pinned });
            var client = await stack.SignInAsync();
            var plan = await ClinicWorkload.PlanAsync(client, patients, visits);
            await ClinicWorkload.UploadAllAsync(client, plan, clients: 4, TimeProvider.System);

            var clock = Stopwatch.StartNew();
            var startedAt = TimeProvider.System.GetLocalNow();
            var servicesBefore = services.CpuTime() + stack.Web.CpuTime;
            var startupCpu = 0.0;
            for (var i = 0; i < workers; i++) startupCpu += (await stack.StartWorkerAsync()).CpuTime.TotalMilliseconds;
            await WaitDrainedAsync(stack, n);
            var drained = clock.Elapsed.TotalSeconds;

            var servicesCpu = (services.CpuTime() + stack.Web.CpuTime - servicesBefore).TotalMilliseconds / n;
            var shares = await JobsPerWorkerAsync(stack);
            var busy = await BusySpanAsync(stack);
            var steady = n / busy.TotalSeconds;
            // Start-up (JIT, loading the person model) is not photo work: taken off as it stood when each was healthy.
            var cpu = (stack.Workers.Sum(w => w.CpuTime.TotalMilliseconds) - startupCpu) / n;
            results.Add((workers, steady, n / drained, cpu, servicesCpu));
            Console.WriteLine($"  {workers} worker(s): drained {n} photos in {drained:0.0} s from the first worker's start " +
                              $"(started {startedAt:HH:mm:ss}); busy {busy.TotalSeconds:0.0} s, {steady:0.00} photos/s; CPU per photo: " +
                              $"workers {cpu:0} ms, PostgreSQL + Azurite + web {servicesCpu:0} ms; jobs run per worker: {shares}");
        }

        var one = results.First(r => r.Workers == results.Min(x => x.Workers));
        Console.WriteLine();
        // What this machine could do at most if nothing but photo work ran: its cores over the CPU one photo costs all
        // told (workers + services), measured in the run with the most workers.
        var last = results[^1];
        var ceiling = Environment.ProcessorCount * 1000 / (last.CpuPerPhoto + last.ServicesCpu);
        Console.WriteLine("| worker processes | photos/s (busy) | × one worker | % of this machine's ceiling | photos/s (whole drain, incl. start-up) | CPU ms per photo: workers + services |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Workers} | {r.Steady:0.00} | {r.Steady / one.Steady:0.00}× | {100 * r.Steady / ceiling:0} % | {r.Overall:0.00} | {r.CpuPerPhoto:0} + {r.ServicesCpu:0} |");
        Console.WriteLine($"\nceiling: {Environment.ProcessorCount} cores / {last.CpuPerPhoto + last.ServicesCpu:0} ms per photo = {ceiling:0.00} photos/s");
        var two = results.FirstOrDefault(r => r.Workers == 2);
        if (two.Workers == 2)
            Console.WriteLine($"\n2 workers reach {two.Steady / one.Steady:0.00}× one worker (target ≥ 1.80×): " +
                              (two.Steady / one.Steady >= 1.8 ? "met" : "NOT met"));
        return 0;
    }

    /// <summary>How many jobs each worker process ran ("pid: count"), from the server named in each Processing state.</summary>
    private static async Task<string> JobsPerWorkerAsync(ProductionStack stack)
    {
        await using var db = await stack.OpenDatabaseAsync();
        await using var query = new NpgsqlCommand(
            """
            SELECT split_part((data::jsonb)->>'ServerId', ':', 2) AS pid, count(*) FROM hangfire.state
            WHERE name = 'Processing' GROUP BY 1 ORDER BY 1
            """, db);
        await using var reader = await query.ExecuteReaderAsync();
        var parts = new List<string>();
        while (await reader.ReadAsync()) parts.Add($"{reader.GetString(0)}: {reader.GetInt64(1)}");
        return string.Join(", ", parts);
    }

    /// <summary>From the first job a worker started to the last one it finished, from Hangfire's own state history.</summary>
    private static async Task<TimeSpan> BusySpanAsync(ProductionStack stack)
    {
        await using var db = await stack.OpenDatabaseAsync();
        await using var query = new NpgsqlCommand(
            """
            SELECT EXTRACT(EPOCH FROM max(createdat) FILTER (WHERE name = 'Succeeded')
                                    - min(createdat) FILTER (WHERE name = 'Processing'))
            FROM hangfire.state
            """, db);
        return TimeSpan.FromSeconds(Convert.ToDouble(await query.ExecuteScalarAsync()));
    }

    /// <summary>Until every photo is through and Hangfire has nothing left to run (measurements included).</summary>
    private static async Task WaitDrainedAsync(ProductionStack stack, int expected)
    {
        var limit = Stopwatch.StartNew();
        while (limit.Elapsed < TimeSpan.FromMinutes(30))
        {
            var rows = await PipelineState.PhotosAsync(stack);
            if (rows.Count == expected && rows.All(PipelineState.IsDone))
            {
                await using var db = await stack.OpenDatabaseAsync();
                await using var query = new NpgsqlCommand(
                    "SELECT count(*) FROM hangfire.job WHERE statename IN ('Enqueued', 'Processing', 'Scheduled', 'Awaiting')", db);
                if ((long)(await query.ExecuteScalarAsync())! == 0) return;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The backlog was not drained within 30 minutes.");
    }
}
