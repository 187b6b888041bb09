namespace ProgressTracker.Web.Features.Photos.Media;

/// <summary>
/// The one door to photo bytes. Authorises first, then either redirects to a one-minute read-only link for that
/// single blob (Azure) or streams it (filesystem). A derivative may stay in the browser's private cache but is
/// revalidated on every use (no-cache + a strong ETag, answered with 304), so each reuse passes the access check
/// again: a signed-out or refused user is not shown a photo from cache.
/// </summary>
public static class MediaEndpoint
{
    public static async Task<Results<RedirectHttpResult, FileStreamHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        string id, string variant, RecordAccess access, IBlobStore blobs, StorageOptions storage,
        ClaimsPrincipal user, HttpContext http, IAuditTrail audit, AppDbContext db, CancellationToken ct,
        string? format = null, bool download = false)
    {
        if (!TryChooseEncoding(format, http.Request.Headers.Accept.ToString(), out var encoding))
            return Rejection.Invalid($"'{format}' is not a format; use jpeg or webp.", "Unknown format").ToProblem();
        if (!Guid.TryParse(id, out _)) return Rejection.InvalidId("photo", id).ToProblem();
        if (!TryParseVariant(variant, out var kind, out var alignedImage))
            return Rejection.Invalid(
                $"'{variant}' is not a media variant; use thumb, display, aligned, aligned-thumb or original.",
                "Unknown variant").ToProblem();

        var mediaVariant = MediaVariantOf(kind, alignedImage);
        var found = await access.MediaAsync(id, mediaVariant, user, ct,
            "Only clinicians can download original uploads.");
        if (found.Failed(out var refused, out var photo)) return refused.ToProblem();

        if (kind != BlobVariant.Original && photo.Status != PhotoStatus.Ready)
            return Rejection.Conflict(photo.Status == PhotoStatus.Failed
                ? $"This photo could not be processed: {photo.FailureReason}"
                : "This photo is still being processed; try again in a few seconds.", "Not ready").ToProblem();
        if (alignedImage && !photo.Alignment.HasAlignedImage)
            return Rejection.Conflict(photo.Alignment.Status == AlignmentStatus.Failed
                ? $"This photo could not be aligned: {photo.Alignment.Reason}"
                : "This photo is still being aligned to its baseline; try again in a few seconds.", "Not aligned").ToProblem();
        var key = kind == BlobVariant.Original ? photo.OriginalKey
            : alignedImage ? BlobKeys.Aligned(photo.PatientId, photo.Id, photo.Alignment.Revision, kind)
            : photo.DerivativesVersion is { } version ? BlobKeys.Derivative(photo.PatientId, photo.Id, kind, version, encoding)
            : null;
        if (key is null) return MediaMissing.ToProblem();
        if (alignedImage) encoding = ImageEncoding.Jpeg;

        if (kind != BlobVariant.Original && !alignedImage) http.Response.Headers.Vary = "Accept";
        // A display image saved by its owner gets a name that says what it is, and nothing about who.
        var downloadName = kind == BlobVariant.Original ? $"photo-{photo.Id:N}.{photo.OriginalFormat}"
            : download ? await DownloadNameAsync(db, photo, alignedImage, encoding, ct)
            : null;
        await audit.RecordAsync(AuditEvents.Media(photo, mediaVariant, downloaded: download), ct);
        var direct = await blobs.GetDirectReadUriAsync(key, storage.SasLifetime, downloadName, ct);
        if (direct is not null)
        {
            http.Response.Headers.CacheControl = "no-store"; // the SAS link itself must not be cached past its life
            return TypedResults.Redirect(direct.ToString());
        }

        if (kind == BlobVariant.Original)
            http.Response.Headers.CacheControl = "private, no-store";
        else
        {
            var etag = MediaETag.Of(key);
            http.Response.Headers.CacheControl = "private, no-cache";
            http.Response.Headers.ETag = etag.ToString();
            if (MediaETag.Matches(http.Request, etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var stream = await blobs.OpenReadAsync(key, ct);
        if (stream is null)
            return MediaMissing.ToProblem();
        var contentType = kind == BlobVariant.Original ? OriginalFormats.ContentTypeOfExtension(photo.OriginalFormat)
            : encoding == ImageEncoding.WebP ? "image/webp" : "image/jpeg";
        return TypedResults.Stream(stream, contentType, fileDownloadName: downloadName);
    }

    /// <summary>"front-2026-03-12.jpg" (the visit's date), "front-2026-03-12-aligned.jpg".</summary>
    private static async Task<string> DownloadNameAsync(AppDbContext db, Photo photo, bool aligned,
        ImageEncoding encoding, CancellationToken ct)
    {
        var date = await db.Visits.Where(v => v.Id == photo.VisitId).Select(v => v.Date).FirstAsync(ct);
        return $"{EnumNames.ToKebab(photo.View)}-{date:yyyy-MM-dd}{(aligned ? "-aligned" : "")}." +
               (encoding == ImageEncoding.WebP ? "webp" : "jpg");
    }

    private static readonly Rejection MediaMissing =
        new(RejectionKind.NotFound, "Media missing", "The image file is missing from storage.");

    /// <summary>An explicit ?format= wins; otherwise WebP for clients that say they accept it, JPEG for the rest.</summary>
    private static bool TryChooseEncoding(string? format, string accept, out ImageEncoding encoding)
    {
        encoding = ImageEncoding.Jpeg;
        switch (format?.ToLowerInvariant())
        {
            case null or "": break;
            case "jpeg" or "jpg": return true;
            case "webp": encoding = ImageEncoding.WebP; return true;
            default: return false;
        }
        if (accept.Contains("image/webp", StringComparison.OrdinalIgnoreCase)) encoding = ImageEncoding.WebP;
        return true;
    }

    private static MediaVariant MediaVariantOf(BlobVariant kind, bool aligned) => (kind, aligned) switch
    {
        (BlobVariant.Original, _) => MediaVariant.Original,
        (BlobVariant.Thumb, true) => MediaVariant.AlignedThumb,
        (BlobVariant.Thumb, false) => MediaVariant.Thumb,
        (_, true) => MediaVariant.Aligned,
        _ => MediaVariant.Display,
    };

    private static bool TryParseVariant(string raw, out BlobVariant variant, out bool aligned)
    {
        aligned = raw.StartsWith("aligned", StringComparison.OrdinalIgnoreCase);
        variant = raw.ToLowerInvariant() switch
        {
            "thumb" or "aligned-thumb" => BlobVariant.Thumb,
            "display" or "aligned" => BlobVariant.Display,
            "original" => BlobVariant.Original,
            _ => BlobVariant.Master,
        };
        return variant != BlobVariant.Master;
    }
}
