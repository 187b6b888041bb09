using ProgressTracker.Imaging;

namespace ProgressTracker.Web.Features.Photos.Pipeline;

/// <summary>
/// Decodes an original (upright, sRGB, no metadata) and writes the master and its derivatives at versioned keys.
/// Idempotent: it reloads the row, skips work already done, and overwrites only its own derivative keys, so it may
/// run twice or on any worker. What follows a Ready photo is <see cref="PhotoPipeline"/>'s business.
/// </summary>
public sealed class ProcessPhotoJob(
    AppDbContext db, IBlobStore blobs, ImageLimits limits, JobsOptions options,
    TimeProvider clock, ILogger<ProcessPhotoJob> log)
{
    public enum Outcome { Skipped, Ready, Failed }

    public async Task<Outcome> RunAsync(Guid photoId, CancellationToken ct)
    {
        var photo = await db.Photos.SingleOrDefaultAsync(p => p.Id == photoId, ct);
        if (photo is null || photo.Status == PhotoStatus.Failed
            || (photo.Status == PhotoStatus.Ready && photo.DerivativesVersion == DerivativeSpec.Version))
            return Outcome.Skipped;

        photo.MarkProcessing(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);

        var original = await blobs.ReadAllBytesAsync(photo.OriginalKey, ct, photo.OriginalBytes);
        if (original is null)
            return await FailAsync(photo, "The original file is missing from storage; upload the photo again.", ct);

        // A per-photo time limit: a hostile or pathological file must not hold an imaging worker indefinitely.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.ProcessingTimeout);
        try
        {
            var derivatives = await RenderAsync(photo, original, limit.Token);
            photo.MarkReady(derivatives, clock.GetUtcNow());
            photo.Alignment.Invalidate(clock.GetUtcNow()); // new master pixels: any earlier alignment is stale
            await db.SaveChangesAsync(ct);
            log.LogInformation("Photo {PhotoId} ready ({Width}x{Height})", photo.Id, derivatives.Width, derivatives.Height);
            return Outcome.Ready;
        }
        catch (PhotoDecodeException e)
        {
            return await FailAsync(photo, e.Message, ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return await FailAsync(photo,
                $"Processing took longer than {options.ProcessingTimeout.TotalSeconds:0} seconds and was stopped; " +
                "the file may be damaged or unusually large. Export it again or upload a smaller version.", ct);
        }
    }

    private async Task<DerivativeSet> RenderAsync(Photo photo, byte[] original, CancellationToken ct)
    {
        using var normalized = PhotoNormalizer.Normalize(original, limits, ct);
        var rendered = DerivativeRenderer.RenderAll(normalized, ct);
        ct.ThrowIfCancellationRequested();
        var version = DerivativeSpec.Version;
        string Key(BlobVariant variant, ImageEncoding encoding) =>
            BlobKeys.Derivative(photo.PatientId, photo.Id, variant, version, encoding);

        // Each key carries the spec version, so overwriting only ever replaces this job's own earlier output.
        await PutAsync(Key(BlobVariant.Master, ImageEncoding.Jpeg), rendered.Master, ImageEncoding.Jpeg, ct);
        await PutAsync(Key(BlobVariant.Display, ImageEncoding.Jpeg), rendered.DisplayJpeg, ImageEncoding.Jpeg, ct);
        await PutAsync(Key(BlobVariant.Display, ImageEncoding.WebP), rendered.DisplayWebp, ImageEncoding.WebP, ct);
        await PutAsync(Key(BlobVariant.Thumb, ImageEncoding.Jpeg), rendered.ThumbJpeg, ImageEncoding.Jpeg, ct);
        await PutAsync(Key(BlobVariant.Thumb, ImageEncoding.WebP), rendered.ThumbWebp, ImageEncoding.WebP, ct);

        return new DerivativeSet(normalized.Width, normalized.Height, normalized.CapturedAt,
            Key(BlobVariant.Master, ImageEncoding.Jpeg), Key(BlobVariant.Thumb, ImageEncoding.Jpeg),
            Key(BlobVariant.Display, ImageEncoding.Jpeg), version);
    }

    private async Task PutAsync(string key, byte[] bytes, ImageEncoding encoding, CancellationToken ct)
    {
        using var content = new MemoryStream(bytes, writable: false);
        await blobs.PutAsync(key, content, encoding == ImageEncoding.WebP ? "image/webp" : "image/jpeg",
            overwrite: true, ct);
    }

    private async Task<Outcome> FailAsync(Photo photo, string reason, CancellationToken ct)
    {
        photo.MarkFailed(reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        log.LogWarning("Photo {PhotoId} failed: {Reason}", photo.Id, reason);
        return Outcome.Failed;
    }
}
