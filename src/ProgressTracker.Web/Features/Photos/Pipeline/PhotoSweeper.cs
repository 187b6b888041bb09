using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Jobs;

namespace ProgressTracker.Web.Features.Photos.Pipeline;

/// <summary>
/// Heals the pipeline: finds photos whose processing job was lost (a crash, a restart with in-memory job storage,
/// a queue outage) and queues them again; gives up with a readable reason after too many attempts. Also picks up
/// Ready photos whose derivatives were made by an older recipe. Runs in every process that runs jobs; running
/// twice at once only queues idempotent jobs twice.
/// </summary>
public sealed class PhotoSweeper(
    IServiceScopeFactory scopes, JobsOptions options, JobStorageKind storage, HostStartTime started,
    TimeProvider clock, ILogger<PhotoSweeper> log) : PeriodicSweep(options, storage, started, clock, log)
{
    protected override string WorkName => "photos";

    public override async Task<int> SweepAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pipeline = scope.ServiceProvider.GetRequiredService<PhotoPipeline>();
        var now = Clock.GetUtcNow();

        var stuck = await db.Photos
            .Where(p => (p.Status == PhotoStatus.Pending || p.Status == PhotoStatus.Processing)
                        && p.StatusChangedAt < cutoff)
            .OrderBy(p => p.StatusChangedAt).Take(500).ToListAsync(ct);
        var outdated = await db.Photos
            .Where(p => p.Status == PhotoStatus.Ready && p.DerivativesVersion != Imaging.DerivativeSpec.Version)
            .OrderBy(p => p.StatusChangedAt).Take(500).ToListAsync(ct);

        var toQueue = new List<Guid>();
        foreach (var photo in stuck)
        {
            if (photo.ProcessingAttempts >= Options.MaxAttempts)
                photo.MarkFailed(
                    $"Processing did not finish after {photo.ProcessingAttempts} attempts. Upload the photo again; " +
                    "if it keeps failing, the file may be damaged.", now);
            else
            {
                photo.MarkQueued(now);
                toQueue.Add(photo.Id);
            }
        }
        toQueue.AddRange(outdated.Select(p => p.Id));

        // Ready photos whose alignment job was lost (or never queued) are aligned again.
        var unaligned = await db.Photos
            .Where(p => p.Status == PhotoStatus.Ready && p.Alignment.Status == AlignmentStatus.Pending
                        && p.StatusChangedAt < cutoff
                        && (p.Alignment.UpdatedAt == null || p.Alignment.UpdatedAt < cutoff))
            .OrderBy(p => p.StatusChangedAt).Take(500).ToListAsync(ct);
        foreach (var photo in unaligned) photo.Alignment.Invalidate(now); // stamps the time: not again next pass

        await db.SaveChangesAsync(ct);
        foreach (var id in toQueue) pipeline.Enqueue(PhotoStep.Process, id);
        foreach (var photo in unaligned) pipeline.Enqueue(PhotoStep.Align, photo.Id);
        return toQueue.Count + unaligned.Count;
    }
}
