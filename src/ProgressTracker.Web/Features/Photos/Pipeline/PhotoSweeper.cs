namespace ProgressTracker.Web.Features.Photos.Pipeline;

/// <summary>
/// Heals the pipeline: finds photos whose processing job was lost (a crash, a restart with in-memory job storage,
/// a queue outage) and queues them again; gives up with a readable reason after too many attempts. Also picks up
/// Ready photos whose derivatives were made by an older recipe, and measurements made by an older method. Runs in every process that runs jobs; running
/// twice at once only queues idempotent jobs twice.
/// </summary>
public sealed class PhotoSweeper(SweepSettings settings, ILogger<PhotoSweeper> log) : PeriodicSweep(settings, log)
{
    protected override string WorkName => "photos";

    protected override async Task<int> SweepAsync(IServiceProvider services, DateTimeOffset cutoff, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var pipeline = services.GetRequiredService<PhotoPipeline>();
        var now = Clock.GetUtcNow();

        var stuck = await db.Photos
            .Where(p => (p.Status == PhotoStatus.Pending || p.Status == PhotoStatus.Processing)
                        && p.StatusChangedAt < cutoff)
            .OrderBy(p => p.StatusChangedAt).Take(500).ToListAsync(ct);
        var outdated = await db.Photos
            .Where(p => p.Status == PhotoStatus.Ready && p.DerivativesVersion != Imaging.DerivativeSpec.Version)
            .OrderBy(p => p.StatusChangedAt).Take(500).ToListAsync(ct);

        var toQueue = RequeueOrGiveUp(stuck, attempts =>
            $"Processing did not finish after {attempts} attempts. Upload the photo again; " +
            "if it keeps failing, the file may be damaged.");
        toQueue.AddRange(outdated.Select(p => p.Id));

        // Ready photos whose alignment job was lost (or never queued) are aligned again.
        var unaligned = await db.Photos
            .Where(p => p.Status == PhotoStatus.Ready && p.Alignment.Status == AlignmentStatus.Pending
                        && p.StatusChangedAt < cutoff
                        && (p.Alignment.UpdatedAt == null || p.Alignment.UpdatedAt < cutoff))
            .OrderBy(p => p.StatusChangedAt).Take(500).ToListAsync(ct);
        foreach (var photo in unaligned) photo.Alignment.Invalidate(now); // stamps the time: not again next pass

        // Aligned photos not measured by the current method with their current alignment (a new method version,
        // a lost job, a changed alignment) are measured again in the background.
        var unmeasured = await db.Photos
            .Where(p => p.Status == PhotoStatus.Ready && p.Alignment.Status != AlignmentStatus.Pending
                        && p.Alignment.BaselinePhotoId != null
                        && (p.Measurement.MethodVersion != Imaging.Measurement.HipMeasurer.MethodVersion
                            || p.Measurement.AlignmentRevision != p.Alignment.Revision)
                        && (p.Alignment.UpdatedAt == null || p.Alignment.UpdatedAt < cutoff))
            .OrderBy(p => p.StatusChangedAt).Select(p => p.Id).Take(500).ToListAsync(ct);

        await db.SaveChangesAsync(ct);
        foreach (var id in toQueue) pipeline.Enqueue(PhotoStep.Process, id);
        foreach (var photo in unaligned) pipeline.Enqueue(PhotoStep.Align, photo.Id);
        foreach (var id in unmeasured) pipeline.Enqueue(PhotoStep.Measure, id);
        return toQueue.Count + unaligned.Count + unmeasured.Count;
    }
}
