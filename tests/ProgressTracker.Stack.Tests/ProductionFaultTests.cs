using System.Diagnostics;
using Npgsql;
using ProgressTracker.Stack;
using Xunit.Abstractions;

namespace ProgressTracker.Stack.Tests;

/// <summary>
/// The production shape under faults, as separate OS processes of the published build: PostgreSQL and Azurite of the
/// test's own, one web process and three workers. 300 photos arrive from parallel clients; meanwhile a worker is
/// killed (SIGKILL) while it holds a job, Azurite is stopped for 20 s, and PostgreSQL is restarted. Every photo must
/// end Ready and aligned exactly once with all its blobs, no duplicate rows, no orphan blobs, and every answer the
/// clients got is 202/200 or a 503 with Retry-After — never a 500, never a lost file.
/// </summary>
[Trait("Tier", "Stack")]
public sealed class ProductionFaultTests(ITestOutputHelper output)
{
    private const int Patients = 30, VisitsPerPatient = 5; // × 2 views = 300 photos
    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task Three_workers_lose_nothing_when_a_worker_is_killed_and_storage_and_database_go_down()
    {
        var clock = TimeProvider.System;
        await using var services = await StackServices.StartAsync("faults");
        await using var stack = await ProductionStack.StartAsync(services, new StackOptions
        {
            InvisibilityTimeout = TimeSpan.FromSeconds(30),
            StuckAfter = TimeSpan.FromMinutes(2),
        });
        for (var i = 0; i < 3; i++) await stack.StartWorkerAsync();
        var client = await stack.SignInAsync();
        var plan = await ClinicWorkload.PlanAsync(client, Patients, VisitsPerPatient);
        Assert.Equal(300, plan.Count);

        var progress = new UploadProgress();
        var started = clock.GetTimestamp();
        var uploading = ClinicWorkload.UploadAllAsync(client, plan, clients: 6, clock, progress,
            pause: TimeSpan.FromMilliseconds(900));
        var log = new List<string>();
        void Note(string what)
        {
            lock (log) log.Add($"{clock.GetElapsedTime(started).TotalSeconds,6:0.0} s  {what} (accepted {progress.Accepted})");
        }

        var faults = Task.Run(async () =>
        {
            await progress.WaitForAsync(30);
            var victim = stack.Workers[0];
            var held = await WaitForJobHeldByAsync(stack, victim.Pid);
            victim.Kill();
            Note($"worker {victim.Pid} killed with SIGKILL while processing {held} job(s)");

            await progress.WaitForAsync(90);
            await services.DownAzuriteAsync();
            Note("Azurite stopped");
            await Task.Delay(TimeSpan.FromSeconds(20));
            await services.UpAzuriteAsync();
            Note("Azurite started again");

            await progress.WaitForAsync(180);
            Note("PostgreSQL stopping");
            await services.RestartPostgresAsync(secondsDown: 5);
            Note("PostgreSQL started again");
        });
        var receipts = await uploading;
        var uploadedIn = clock.GetElapsedTime(started);
        await faults; // it finished before the last uploads in every run; this surfaces its errors
        Note("all 300 uploads accepted");

        var rows = await WaitUntilDoneAsync(stack, plan.Count);
        var settledIn = clock.GetElapsedTime(started);
        var blobs = await PipelineState.BlobKeysAsync(stack);

        // ---- figures
        var toReady = rows.Select(r => (r.StatusChangedAt - r.UploadedAt).TotalSeconds).ToList();
        var toAligned = rows.Select(r => ((r.AlignedAt ?? r.StatusChangedAt) - r.UploadedAt).TotalSeconds).ToList();
        var accept = receipts.Select(r => r.AcceptLatency.TotalMilliseconds).ToList();
        var statuses = string.Join(", ", client.UploadStatuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));
        var figures = $"""
            production shape under faults: 1 web + 3 workers (1 imaging job each), 300 photos of 1200x1600, 6 clients
            {string.Join("\n", log)}
            uploads accepted in {uploadedIn.TotalSeconds:0.0} s; every photo ready and aligned {settledIn.TotalSeconds:0.0} s after the first upload
            throughput: {rows.Count / settledIn.TotalSeconds:0.00} photos/s (first upload to last aligned)
            upload-to-ready p50 {Percentiles.Of(toReady, 50):0.0} s, p95 {Percentiles.Of(toReady, 95):0.0} s; upload-to-aligned p95 {Percentiles.Of(toAligned, 95):0.0} s
            accept latency p50 {Percentiles.Of(accept, 50):0} ms, p95 {Percentiles.Of(accept, 95):0} ms (including waits after 503s)
            upload answers: {statuses}; uploads sent more than once: {receipts.Count(r => r.Attempts > 1)}
            processing attempts per photo: max {rows.Max(r => r.Attempts)}, photos with more than one: {rows.Count(r => r.Attempts > 1)}
            """;
        output.WriteLine(figures);
        Console.WriteLine(figures);
        SaveFigures(figures);

        // ---- what the clients were told
        Assert.All(client.UploadStatuses.Keys, status => Assert.Contains(status, new[] { 200, 202, 503 }));
        Assert.True(client.UploadStatuses.GetValueOrDefault(503) > 0, "no upload arrived while a dependency was down");
        Assert.Equal(0, client.UnavailableWithoutRetryAfter);

        // ---- exactly once: one row per accepted upload, none twice, none extra
        Assert.Equal(plan.Count, receipts.Count);
        Assert.Equal(plan.Count, receipts.Select(r => r.PhotoId).Distinct().Count());
        Assert.Equal(plan.Count, rows.Count);
        Assert.Equal(plan.Count, rows.Select(r => (r.VisitId, r.ContentHash)).Distinct().Count());
        Assert.Equal(receipts.Select(r => Guid.Parse(r.PhotoId)).Order(), rows.Select(r => r.Id).Order());

        // ---- every photo through the pipeline, with its blobs; nothing left over
        Assert.All(rows, r => Assert.Equal("Ready", r.Status));
        Assert.All(rows, r => Assert.Equal("Aligned", r.AlignmentStatus));
        var stored = blobs.ToHashSet();
        Assert.All(rows, r =>
        {
            foreach (var key in new[] { r.OriginalKey, r.MasterKey, r.DisplayKey, r.ThumbKey })
                Assert.True(key is not null && stored.Contains(key), $"photo {r.Id}: blob {key} missing");
        });
        Assert.Empty(PipelineState.Orphans(blobs, rows));

        // ---- the survivors are still serving
        Assert.True(stack.Web.IsRunning, "the web process died");
        Assert.Equal(2, stack.Workers.Count(w => w.IsRunning));
        Assert.DoesNotContain(" 500 ", stack.Web.Log());
    }

    /// <summary>Waits until Hangfire shows the worker's imaging server processing a job; returns how many.</summary>
    private static async Task<long> WaitForJobHeldByAsync(ProductionStack stack, int pid)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < TimeSpan.FromMinutes(2))
        {
            await using var db = await stack.OpenDatabaseAsync();
            await using var query = new NpgsqlCommand(
                """
                SELECT count(*) FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid
                WHERE j.statename = 'Processing' AND s.data::text LIKE @server
                """, db);
            query.Parameters.AddWithValue("server", $"%:{pid}:imaging:%");
            if ((long)(await query.ExecuteScalarAsync())! > 0) return (long)(await query.ExecuteScalarAsync())!;
            await Task.Delay(50);
        }
        throw new TimeoutException($"worker {pid} never held a job");
    }

    /// <summary>Polls the rows until every photo is through; the database may be restarting, so errors are retried.</summary>
    private static async Task<List<PhotoRow>> WaitUntilDoneAsync(ProductionStack stack, int expected)
    {
        var until = Stopwatch.StartNew();
        List<PhotoRow> rows = [];
        while (until.Elapsed < SettleLimit)
        {
            try
            {
                rows = await PipelineState.PhotosAsync(stack);
                if (rows.Count >= expected && rows.All(PipelineState.IsDone)) return rows;
            }
            catch (NpgsqlException) { }
            await Task.Delay(1000);
        }
        var states = rows.GroupBy(r => $"{r.Status}/{r.AlignmentStatus}").Select(g => $"{g.Key}×{g.Count()}");
        throw new TimeoutException(
            $"Not every photo was through within {SettleLimit}: {string.Join(", ", states)}\n" +
            $"worker log:\n{stack.Workers[1].LogTail()}\nweb log:\n{stack.Web.LogTail()}");
    }

    private static void SaveFigures(string figures)
    {
        var folder = Environment.GetEnvironmentVariable("PT_ARTIFACTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "production-faults.txt"), figures);
    }
}
