namespace ProgressTracker.Web.Features.Portal.Archive;

/// <summary>
/// Keeps archives honest, in every process that runs jobs: an archive Pending or Running for longer than
/// <c>Jobs:StuckAfter</c> is queued again (marked Failed after <c>Jobs:MaxAttempts</c>), as exports are; and the
/// file of an archive past its <c>Portal:ArchiveLifetime</c> is deleted. The row stays as the record that the
/// patient asked for and received their data.
/// </summary>
public sealed class ArchiveSweeper(SweepSettings settings, ILogger<ArchiveSweeper> log) : PeriodicSweep(settings, log)
{
    protected override string WorkName => "data archives";

    protected override async Task<int> SweepAsync(IServiceProvider services, DateTimeOffset cutoff, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        await RemoveExpiredAsync(db, services.GetRequiredService<IBlobStore>(), ct);

        var stuck = await db.DataArchives
            .Where(a => (a.Status == DataArchiveStatus.Pending || a.Status == DataArchiveStatus.Running)
                        && a.StatusChangedAt < cutoff)
            .OrderBy(a => a.StatusChangedAt).Take(200).ToListAsync(ct);
        var toQueue = RequeueOrGiveUp(stuck,
            attempts => $"Your archive could not be prepared after {attempts} attempts; please ask for a new one.");
        await db.SaveChangesAsync(ct);
        var queue = services.GetRequiredService<JobQueue>();
        foreach (var id in toQueue) BuildArchiveJob.Enqueue(queue, id);
        return toQueue.Count;
    }

    /// <summary>Deletes the blob first, then forgets the key: a crash in between leaves a key the next pass deletes again.</summary>
    private async Task RemoveExpiredAsync(AppDbContext db, IBlobStore blobs, CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        var expired = await db.DataArchives
            .Where(a => a.Status == DataArchiveStatus.Ready && a.ResultKey != null && a.ExpiresAt < now)
            .OrderBy(a => a.ExpiresAt).Take(200).ToListAsync(ct);
        foreach (var archive in expired)
        {
            await blobs.DeleteAsync(archive.ResultKey!, ct);
            archive.MarkFileRemoved();
        }
        await db.SaveChangesAsync(ct);
    }
}
