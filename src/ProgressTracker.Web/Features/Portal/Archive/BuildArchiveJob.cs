using Hangfire;

namespace ProgressTracker.Web.Features.Portal.Archive;

/// <summary>
/// Builds a patient's archive and stores its zip. Carries the archive id only and reloads the row; a finished
/// archive is skipped and a re-run (a retry, the sweep) writes the same key again, so running twice is harmless.
/// Progress is saved to the row as photos go in (the bulk of the work), so the page can show it.
/// </summary>
public sealed class BuildArchiveJob(AppDbContext db, ArchiveContents contents, ArchiveWriter writer, IBlobStore blobs,
    PortalOptions portal, TimeProvider clock, ILogger<BuildArchiveJob> log)
{
    public enum Outcome { Skipped, Ready }

    public static void Enqueue(JobQueue queue, Guid archiveId) =>
        queue.Enqueue<BuildArchiveJob>(j => j.RunAsync(archiveId, CancellationToken.None), "data archive", archiveId);

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120])]
    public async Task<Outcome> RunAsync(Guid archiveId, CancellationToken ct)
    {
        var archive = await db.DataArchives.SingleOrDefaultAsync(a => a.Id == archiveId, ct);
        if (archive is null || archive.IsFinished) return Outcome.Skipped;
        archive.MarkRunning(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);

        var plan = await contents.PlanAsync(archive.PatientId, ct);
        await ReportAsync(archive, 5, ct);
        var key = BlobKeys.Archive(archive.PatientId, archive.Id);
        var count = plan.Photos.Count;
        var included = await PipedUpload.PutAsync(blobs, key, "application/zip",
            (zip, token) => writer.WriteAsync(zip, plan, archive.CreatedAt,
                n => ReportAsync(archive, 5 + 90 * n / Math.Max(1, count), token), token), ct);

        archive.MarkReady(key, included, clock.GetUtcNow(), portal.ArchiveLifetime);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Data archive {ArchiveId} ready: {Photos} photos, {Visits} visits",
            archive.Id, included, plan.Visits.Visits.Count);
        return Outcome.Ready;
    }

    private async Task ReportAsync(DataArchive archive, int percent, CancellationToken ct)
    {
        if (percent <= archive.Progress) return;
        archive.ReportProgress(percent);
        await db.SaveChangesAsync(ct);
    }
}
