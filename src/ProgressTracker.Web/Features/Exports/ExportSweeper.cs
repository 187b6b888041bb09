using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Jobs;

namespace ProgressTracker.Web.Features.Exports;

/// <summary>
/// Heals lost export work the way the photo sweep does: an export Pending or Running for longer than
/// <c>Jobs:StuckAfter</c> (a crash, a restart with in-memory job storage) is queued again, and marked Failed with a
/// readable reason after <c>Jobs:MaxAttempts</c>. Runs in every process that runs jobs.
/// </summary>
public sealed class ExportSweeper(
    IServiceScopeFactory scopes, JobsOptions options, JobStorageKind storage, HostStartTime started,
    TimeProvider clock, ILogger<ExportSweeper> log) : PeriodicSweep(options, storage, started, clock, log)
{
    protected override string WorkName => "exports";

    public override async Task<int> SweepAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        var now = Clock.GetUtcNow();

        var stuck = await db.Exports
            .Where(e => (e.Status == ExportStatus.Pending || e.Status == ExportStatus.Running) && e.StatusChangedAt < cutoff)
            .OrderBy(e => e.StatusChangedAt).Take(200).ToListAsync(ct);
        var toQueue = new List<Guid>();
        foreach (var export in stuck)
        {
            if (export.Attempts >= Options.MaxAttempts)
                export.MarkFailed($"Rendering did not finish after {export.Attempts} attempts; create the export again.", now);
            else
            {
                export.MarkQueued(now);
                toQueue.Add(export.Id);
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var id in toQueue) RenderExportJob.Enqueue(queue, id);
        return toQueue.Count;
    }
}
