using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Shared.Api;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Infrastructure.Storage;

namespace ProgressTracker.Web.Features.Photos.Media;

/// <summary>
/// The one door to photo bytes. Authorises first, then either redirects to a one-minute read-only link for that
/// single blob (Azure) or streams it (filesystem). Derivative URLs carry the spec version, so they cache long.
/// </summary>
public static class MediaEndpoint
{
    public static async Task<Results<RedirectHttpResult, FileStreamHttpResult, ProblemHttpResult>> GetAsync(
        string id, string variant, RecordAccess access, IBlobStore blobs, StorageOptions storage,
        ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(id, "photo", out var photoId, out var bad)) return bad!;
        if (!TryParseVariant(variant, out var kind))
            return ApiProblems.BadRequest($"'{variant}' is not a media variant; use thumb, display or original.",
                "Unknown variant");

        var operation = kind == BlobVariant.Original ? PatientOperations.ViewOriginal : PatientOperations.View;
        var found = await access.PhotoAsync(photoId, user, operation, ct);
        if (found.Access != Access.Granted)
            return ApiProblems.ForAccess(found.Access, "photo", id, "Only clinicians can download original uploads.");
        var photo = found.Value!;

        var key = kind switch
        {
            BlobVariant.Original => photo.OriginalKey,
            BlobVariant.Thumb => photo.ThumbKey,
            _ => photo.DisplayKey,
        };
        if (key is null || (kind != BlobVariant.Original && photo.Status != PhotoStatus.Ready))
            return ApiProblems.Status(409, "Not ready", photo.Status == PhotoStatus.Failed
                ? $"This photo could not be processed: {photo.FailureReason}"
                : "This photo is still being processed; try again in a few seconds.");

        var direct = await blobs.GetDirectReadUriAsync(key, storage.SasLifetime, ct);
        if (direct is not null)
        {
            http.Response.Headers.CacheControl = "no-store"; // the SAS link itself must not be cached past its life
            return TypedResults.Redirect(direct.ToString());
        }

        var stream = await blobs.OpenReadAsync(key, ct);
        if (stream is null)
            return ApiProblems.Status(404, "Media missing", "The image file is missing from storage.");
        http.Response.Headers.CacheControl = kind == BlobVariant.Original
            ? "private, no-store"
            : "private, max-age=31536000, immutable";
        var contentType = kind == BlobVariant.Original ? OriginalFormats.ContentTypeOfExtension(photo.OriginalFormat) : "image/jpeg";
        return TypedResults.Stream(stream, contentType,
            fileDownloadName: kind == BlobVariant.Original ? $"photo-{photo.Id:N}.{photo.OriginalFormat}" : null);
    }

    private static bool TryParseVariant(string raw, out BlobVariant variant)
    {
        variant = raw.ToLowerInvariant() switch
        {
            "thumb" => BlobVariant.Thumb,
            "display" => BlobVariant.Display,
            "original" => BlobVariant.Original,
            _ => BlobVariant.Master,
        };
        return variant != BlobVariant.Master;
    }
}
