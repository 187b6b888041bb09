using ProgressTracker.Imaging.Alignment;

namespace ProgressTracker.Web.Features.Photos.Pipeline;

/// <summary>
/// Registers a Ready photo to the baseline of its view and renders its aligned derivatives. Idempotent: skips a
/// photo already aligned to the current baseline and keeps a clinician's manual alignment. When the baseline of
/// the view has changed, it marks every other photo of the view that still points at an old one for realignment
/// and returns them (the pipeline queues them).
/// </summary>
public sealed class AlignPhotoJob(
    AppDbContext db, BaselineResolver baselines, AlignedDerivatives aligned,
    TimeProvider clock, ILogger<AlignPhotoJob> log)
{
    public enum Outcome { Skipped, Aligned, NeedsReview, Failed }

    /// <summary>What happened, and the other photos of the view that now need aligning to the current baseline.</summary>
    public sealed record Result(Outcome Outcome, IReadOnlyList<Guid> StaleOfView);

    public async Task<Result> RunAsync(Guid photoId, CancellationToken ct)
    {
        var photo = await db.Photos.SingleOrDefaultAsync(p => p.Id == photoId, ct);
        if (photo is null || photo.Status != PhotoStatus.Ready) return new(Outcome.Skipped, []);
        var baselineId = await baselines.ResolveAsync(photo.PatientId, photo.View, ct);
        if (baselineId is not { } baseId) return new(Outcome.Skipped, []);

        var outcome = await AlignAsync(photo, baseId, ct);
        await db.SaveChangesAsync(ct);
        return new(outcome, await InvalidateStalePhotosOfViewAsync(photo, baseId, ct));
    }

    private async Task<Outcome> AlignAsync(Photo photo, Guid baselineId, CancellationToken ct)
    {
        var current = photo.Alignment;
        if (current.BaselinePhotoId == baselineId
            && (current.Method == AlignmentMethod.Manual || current.IsCurrentFor(baselineId)))
            return Outcome.Skipped;

        var now = clock.GetUtcNow();
        var photoMaster = await aligned.ReadMasterAsync(photo, ct);
        var baseline = baselineId == photo.Id ? photo : await db.Photos.SingleAsync(p => p.Id == baselineId, ct);
        var baselineMaster = baselineId == photo.Id ? null : await aligned.ReadMasterAsync(baseline, ct);
        if (photoMaster is null || (baselineId != photo.Id && baselineMaster is null))
        {
            photo.Alignment.Fail(baselineId, "The processed image is missing, so the photo could not be aligned.", now);
            return Outcome.Failed;
        }

        if (baselineId == photo.Id)
        {
            photo.Alignment.Record(baselineId, [1, 0, 0, 0, 1, 0], 1.0, AlignmentMethod.Auto, AlignmentStatus.Aligned,
                null, now);
            try
            {
                await aligned.WriteAsync(photo, photoMaster, null, ct);
            }
            catch (ArgumentException)
            {
                // A stored master that no longer decodes is a readable failure, not an endless retry.
                photo.Alignment.Fail(baselineId, "The processed image could not be read, so the photo could not be aligned.", now);
                return Outcome.Failed;
            }
        }
        else
        {
            AlignedPhoto alignedPhoto;
            try
            {
                // One decode of each master serves both the registration and the aligned images.
                alignedPhoto = MasterAlignment.AlignAndRender(baselineMaster!, photoMaster, ct);
            }
            catch (ArgumentException e)
            {
                // Inputs the aligner refuses (extreme shapes, tiny images) are a readable failure, not a retry.
                photo.Alignment.Fail(baselineId, $"The photo could not be aligned automatically: {e.Message}", now);
                return Outcome.Failed;
            }
            var result = alignedPhoto.Result;
            var status = result.Verdict == AlignmentVerdict.Aligned ? AlignmentStatus.Aligned : AlignmentStatus.NeedsReview;
            photo.Alignment.Record(baselineId, result.Matrix, Math.Round(result.Score, 3), AlignmentMethod.Auto, status,
                result.Reason, now);
            await aligned.WriteAsync(photo, alignedPhoto.Images, ct);
        }
        log.LogInformation("Photo {PhotoId} aligned to {BaselineId}: {Status} (score {Score})",
            photo.Id, baselineId, photo.Alignment.Status, photo.Alignment.Score);
        return photo.Alignment.Status == AlignmentStatus.Aligned ? Outcome.Aligned : Outcome.NeedsReview;
    }

    private async Task<IReadOnlyList<Guid>> InvalidateStalePhotosOfViewAsync(Photo photo, Guid baselineId,
        CancellationToken ct)
    {
        var stale = await db.Photos
            .Where(p => p.PatientId == photo.PatientId && p.View == photo.View && p.Id != photo.Id
                        && p.Status == PhotoStatus.Ready
                        && p.Alignment.Status != AlignmentStatus.Pending
                        && p.Alignment.BaselinePhotoId != baselineId)
            .ToListAsync(ct);
        if (stale.Count == 0) return [];
        foreach (var other in stale) other.Alignment.Invalidate(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return stale.Select(p => p.Id).ToList();
    }
}
