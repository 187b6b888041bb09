using Hangfire;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Imaging;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Storage;

namespace ProgressTracker.Web.Features.Photos.Processing;

/// <summary>
/// Decodes an original (upright, sRGB, no metadata) and writes the master and its derivatives at versioned keys.
/// Idempotent: it reloads the row, skips work already done, and overwrites only its own derivative keys, so it may
/// run twice or on any worker.
/// </summary>
public sealed class ProcessPhotoJob(
    AppDbContext db, IBlobStore blobs, ImageLimits limits, TimeProvider clock, ILogger<ProcessPhotoJob> log)
{
    public enum Outcome { Skipped, Ready, Failed }

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120])]
    [Queue(Infrastructure.Jobs.JobsOptions.ImagingQueue)]
    public async Task<Outcome> RunAsync(Guid photoId, CancellationToken ct)
    {
        var photo = await db.Photos.SingleOrDefaultAsync(p => p.Id == photoId, ct);
        if (photo is null || photo.Status == PhotoStatus.Failed
            || (photo.Status == PhotoStatus.Ready && photo.DerivativesVersion == DerivativeSpec.Version))
            return Outcome.Skipped;

        photo.MarkProcessing(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);

        var original = await ReadOriginalAsync(photo, ct);
        if (original is null)
            return await FailAsync(photo, "The original file is missing from storage; upload the photo again.", ct);

        try
        {
            var derivatives = await RenderAsync(photo, original, ct);
            photo.MarkReady(derivatives, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            log.LogInformation("Photo {PhotoId} ready ({Width}x{Height})", photo.Id, derivatives.Width, derivatives.Height);
            return Outcome.Ready;
        }
        catch (PhotoDecodeException e)
        {
            return await FailAsync(photo, e.Message, ct);
        }
    }

    private async Task<DerivativeSet> RenderAsync(Photo photo, byte[] original, CancellationToken ct)
    {
        using var normalized = PhotoNormalizer.Normalize(original, limits, ct);
        var version = DerivativeSpec.Version;
        var master = BlobKeys.Derivative(photo.PatientId, photo.Id, BlobVariant.Master, version);
        var thumb = BlobKeys.Derivative(photo.PatientId, photo.Id, BlobVariant.Thumb, version);
        var display = BlobKeys.Derivative(photo.PatientId, photo.Id, BlobVariant.Display, version);

        await PutJpegAsync(master, DerivativeRenderer.EncodeJpeg(normalized.Pixels, DerivativeSpec.MasterJpegQuality), ct);
        await PutJpegAsync(display, DerivativeRenderer.ResizeToJpeg(
            normalized.Pixels, DerivativeSpec.DisplayLongEdge, DerivativeSpec.JpegQuality), ct);
        await PutJpegAsync(thumb, DerivativeRenderer.ResizeToJpeg(
            normalized.Pixels, DerivativeSpec.ThumbLongEdge, DerivativeSpec.JpegQuality), ct);

        return new DerivativeSet(normalized.Width, normalized.Height, normalized.CapturedAt, master, thumb, display,
            version);
    }

    private async Task PutJpegAsync(string key, byte[] bytes, CancellationToken ct)
    {
        using var content = new MemoryStream(bytes, writable: false);
        await blobs.PutAsync(key, content, "image/jpeg", overwrite: true, ct);
    }

    private async Task<byte[]?> ReadOriginalAsync(Photo photo, CancellationToken ct)
    {
        await using var stream = await blobs.OpenReadAsync(photo.OriginalKey, ct);
        if (stream is null) return null;
        using var buffer = new MemoryStream(photo.OriginalBytes > 0 ? (int)photo.OriginalBytes : 0);
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private async Task<Outcome> FailAsync(Photo photo, string reason, CancellationToken ct)
    {
        photo.MarkFailed(reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        log.LogWarning("Photo {PhotoId} failed: {Reason}", photo.Id, reason);
        return Outcome.Failed;
    }
}
