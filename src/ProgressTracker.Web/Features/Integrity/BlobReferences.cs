using System.Text.RegularExpressions;

namespace ProgressTracker.Web.Features.Integrity;

/// <summary>The columns of a photo row that name its blobs (stored keys, or the numbers computed keys come from).</summary>
public sealed record PhotoBlobColumns(Guid PatientId, Guid Id, string OriginalKey, string? MasterKey, string? ThumbKey,
    string? DisplayKey, int? DerivativesVersion, bool HasAlignedImage, int AlignmentRevision);

public enum BlobOwnerKind { Photo, Export, Archive, Consent, Case }

/// <summary>The row a blob key belongs to, read from the key's shape.</summary>
public readonly record struct BlobOwner(BlobOwnerKind Kind, Guid Id);

/// <summary>
/// The one owner of "which blobs does a row reference". Photos reference their original, the derivatives their row
/// names (plus the WebP twins processing writes beside the JPEG ones) and the aligned images of their current
/// alignment revision; exports, archives, consents and marketing cases reference the key stored on their row.
/// The orphan sweep, the integrity check and the backup's verification all ask here.
/// </summary>
public static partial class BlobReferences
{
    public static IEnumerable<string> Of(PhotoBlobColumns photo)
    {
        yield return photo.OriginalKey;
        foreach (var key in new[] { photo.MasterKey, photo.ThumbKey, photo.DisplayKey })
            if (key is not null) yield return key;
        if (photo.DerivativesVersion is { } version && photo.DisplayKey is not null)
        {
            yield return BlobKeys.Derivative(photo.PatientId, photo.Id, BlobVariant.Display, version, ImageEncoding.WebP);
            yield return BlobKeys.Derivative(photo.PatientId, photo.Id, BlobVariant.Thumb, version, ImageEncoding.WebP);
        }
        if (photo.HasAlignedImage)
        {
            yield return BlobKeys.Aligned(photo.PatientId, photo.Id, photo.AlignmentRevision, BlobVariant.Display);
            yield return BlobKeys.Aligned(photo.PatientId, photo.Id, photo.AlignmentRevision, BlobVariant.Thumb);
        }
    }

    /// <summary>
    /// The row that owns a key, from its shape; null for a shape this version does not know (such a blob is never
    /// removed). Every kind puts the owning row's id in its third path segment.
    /// </summary>
    public static BlobOwner? OwnerOf(string key)
    {
        var m = OwnerPattern().Match(key);
        if (!m.Success) return null;
        var kind = m.Groups["prefix"].Value switch
        {
            "originals" or "derived" or "aligned" => BlobOwnerKind.Photo,
            "exports" => BlobOwnerKind.Export,
            "archives" => BlobOwnerKind.Archive,
            "consents" => BlobOwnerKind.Consent,
            _ => BlobOwnerKind.Case,
        };
        // The full parsers must agree, so a key only looks owned when it is exactly a key this app writes.
        var known = kind switch
        {
            BlobOwnerKind.Photo => BlobKeys.Parse(key) is not null,
            BlobOwnerKind.Export => BlobKeys.ParseExport(key) is not null,
            BlobOwnerKind.Archive => BlobKeys.ParseArchive(key) is not null,
            BlobOwnerKind.Consent => ConsentFile().IsMatch(key),
            _ => CaseFile().IsMatch(key),
        };
        return known ? new BlobOwner(kind, Guid.ParseExact(m.Groups["owner"].Value, "N")) : null;
    }

    [GeneratedRegex(@"^(?<prefix>originals|derived|aligned|exports|archives|consents|cases)/[0-9a-f]{32}/(?<owner>[0-9a-f]{32})/")]
    private static partial Regex OwnerPattern();

    [GeneratedRegex(@"^consents/[0-9a-f]{32}/[0-9a-f]{32}/(signature\.png|form\.[a-z0-9]+)$")]
    private static partial Regex ConsentFile();

    [GeneratedRegex(@"^cases/[0-9a-f]{32}/[0-9a-f]{32}/r\d+/case\.jpg$")]
    private static partial Regex CaseFile();
}
