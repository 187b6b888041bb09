using System.Diagnostics;
using System.Security.Cryptography;
using ProgressTracker.Web.Infrastructure.Telemetry;
using ProgressTracker.Imaging;
using ProgressTracker.Web.Features.Photos.Pipeline;

namespace ProgressTracker.Web.Features.Photos.Upload;

public sealed record UploadPhotoCommand(Visit Visit, string? View, Stream Content, long Length, string? FileName,
    Guid? UploadedBy);

/// <summary>An accepted photo: a new one, or the one already stored for the same bytes.</summary>
public sealed record UploadedPhoto(Photo Photo, bool AlreadyUploaded);

/// <summary>
/// Shared by the upload page and the API. Cheap checks first (view, size, type from the bytes, header dimensions,
/// structural completeness) so nothing is stored for a rejected file; then the original goes to blob storage
/// untouched, the row is committed as Pending, and processing is queued.
/// </summary>
public sealed class UploadPhotoHandler(
    AppDbContext db, IBlobStore blobs, PhotoPipeline pipeline, ImageLimits limits, TimeProvider clock,
    IAuditTrail audit, AppTelemetry telemetry, ILogger<UploadPhotoHandler> log)
{
    public async Task<Result<UploadedPhoto>> HandleAsync(UploadPhotoCommand command, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await StoreAsync(command, ct);
        var outcome = result.Failed(out var rejection, out var uploaded)
            ? "rejected-" + EnumNames.ToKebab(rejection.Kind)
            : uploaded.AlreadyUploaded ? "duplicate" : "accepted";
        telemetry.UploadFinished(outcome, command.Length, Stopwatch.GetElapsedTime(started));
        return result;
    }

    private async Task<Result<UploadedPhoto>> StoreAsync(UploadPhotoCommand command, CancellationToken ct)
    {
        if (!EnumNames.TryParse<PhotoView>(command.View, out var view))
            return Rejection.Invalid(
                string.IsNullOrWhiteSpace(command.View)
                    ? $"Choose the view of the photo: one of {EnumNames.Allowed<PhotoView>()}."
                    : $"'{command.View}' is not a view; use one of {EnumNames.Allowed<PhotoView>()}.", "Unknown view");
        if (command.Length == 0)
            return Rejection.Invalid("The file is empty.", "Empty file");
        if (command.Length > limits.MaxBytes)
            return new Rejection(RejectionKind.TooLarge, "File too large",
                $"The file is {Megabytes(command.Length)} MB; the limit is {Megabytes(limits.MaxBytes)} MB.");

        await using var content = await SeekableAsync(command.Content, ct);
        var inspection = UploadInspector.Inspect(content, limits);
        if (!inspection.Accepted || inspection.Format is not { } format)
            return new Rejection(inspection.Format is null ? RejectionKind.UnsupportedType : RejectionKind.Unprocessable,
                "Photo not accepted",
                inspection.RejectionReason ?? "The file could not be read as an image.");

        content.Position = 0;
        var hash = "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
        var existing = await db.Photos.FirstOrDefaultAsync(p => p.VisitId == command.Visit.Id && p.ContentHash == hash, ct);
        if (existing is not null) return new UploadedPhoto(existing, AlreadyUploaded: true);

        var photoId = Guid.CreateVersion7();
        var key = BlobKeys.Original(command.Visit.PatientId, photoId, OriginalFormats.Extension(format));
        content.Position = 0;
        await blobs.PutAsync(key, content, OriginalFormats.ContentType(format), overwrite: false, ct);

        var now = clock.GetUtcNow();
        var photo = new Photo
        {
            Id = photoId, VisitId = command.Visit.Id, PatientId = command.Visit.PatientId, View = view,
            ContentHash = hash, OriginalKey = key, OriginalFormat = OriginalFormats.Extension(format), OriginalBytes = content.Length,
            OriginalFileName = SafeFileName(command.FileName), UploadedByUserId = command.UploadedBy, UploadedAt = now,
        };
        photo.MarkQueued(now);
        db.Photos.Add(photo);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Lost a race with an identical upload, or the database failed: drop our blob, keep theirs.
            db.ChangeTracker.Clear();
            await DeleteUnreferencedAsync(key);
            var winner = await db.Photos.FirstOrDefaultAsync(p => p.VisitId == command.Visit.Id && p.ContentHash == hash, ct);
            if (winner is not null) return new UploadedPhoto(winner, AlreadyUploaded: true);
            throw;
        }
        catch (Exception)
        {
            // The database went away mid-request (the caller gets 503 and sends the photo again): no row refers to
            // our blob, so remove it now rather than leave it to the orphan sweep.
            await DeleteUnreferencedAsync(key);
            throw;
        }

        // The view only: the file name may carry the patient's name.
        await audit.RecordAsync(AuditEvents.OfPhoto(AuditActions.PhotoUploaded, photo, EnumNames.ToKebab(view)), ct);
        pipeline.Enqueue(PhotoStep.Process, photo.Id);
        log.LogInformation("Photo {PhotoId} uploaded to visit {VisitId} ({Format}, {Bytes} bytes)",
            photo.Id, command.Visit.Id, photo.OriginalFormat, photo.OriginalBytes);
        return new UploadedPhoto(photo, AlreadyUploaded: false);
    }

    /// <summary>Best effort: if the blob store is down too, the orphan sweep removes the blob later.</summary>
    private async Task DeleteUnreferencedAsync(string key)
    {
        try
        {
            await blobs.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not delete the unreferenced upload blob {Key}; the orphan sweep will", key);
        }
    }

    /// <summary>Form files are already buffered and seekable; anything else is buffered to a temp file first.</summary>
    private static async Task<Stream> SeekableAsync(Stream content, CancellationToken ct)
    {
        if (content.CanSeek) return new NonClosingStream(content);
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
            81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await content.CopyToAsync(temp, ct);
        temp.Position = 0;
        return temp;
    }

    private static string Megabytes(long bytes) => Math.Ceiling(bytes / 1048576.0).ToString("0");

    private static string? SafeFileName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var file = Path.GetFileName(name.Trim());
        return file.Length > 200 ? file[..200] : file;
    }
}
