namespace ProgressTracker.Web.Features.Exports;

/// <summary>
/// Heals lost export work the way the photo sweep does: an export Pending or Running for longer than
/// <c>Jobs:StuckAfter</c> (a crash, a restart with in-memory job storage) is queued again, and marked Failed with a
/// readable reason after <c>Jobs:MaxAttempts</c>. Runs in every process that runs jobs.
/// </summary>
public sealed class ExportSweeper(SweepSettings settings, ILogger<ExportSweeper> log) : PeriodicSweep(settings, log)
{
    protected override string WorkName => "exports";

    protected override async Task<int> SweepAsync(IServiceProvider services, DateTimeOffset cutoff, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var queue = services.GetRequiredService<JobQueue>();

        var stuck = await db.Exports
            .Where(e => (e.Status == ExportStatus.Pending || e.Status == ExportStatus.Running) && e.StatusChangedAt < cutoff)
            .OrderBy(e => e.StatusChangedAt).Take(200).ToListAsync(ct);
        var toQueue = RequeueOrGiveUp(stuck,
            attempts => $"Rendering did not finish after {attempts} attempts; create the export again.");
        await db.SaveChangesAsync(ct);
        foreach (var id in toQueue) RenderExportJob.Enqueue(queue, id);
        return toQueue.Count;
    }
}
