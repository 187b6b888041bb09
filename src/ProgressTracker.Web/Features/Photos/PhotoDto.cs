using ProgressTracker.Web.Domain;

namespace ProgressTracker.Web.Features.Photos;

/// <summary>Links to the photo's media; a variant is null until the photo is Ready.</summary>
public sealed record PhotoMediaDto(string? Thumb, string? Display, string Original);

public sealed record PhotoDto(Guid Id, Guid VisitId, Guid PatientId, PhotoView View, PhotoStatus Status,
    string? FailureReason, int? Width, int? Height, DateTimeOffset? CapturedAt, string ContentHash,
    DateTimeOffset UploadedAt, PhotoMediaDto Media)
{
    public static PhotoDto From(Photo p) => new(p.Id, p.VisitId, p.PatientId, p.View, p.Status, p.FailureReason,
        p.Width, p.Height, p.CapturedAt, p.ContentHash, p.UploadedAt,
        new PhotoMediaDto(
            p.Status == PhotoStatus.Ready ? MediaUrl(p, "thumb") : null,
            p.Status == PhotoStatus.Ready ? MediaUrl(p, "display") : null,
            $"/api/v1/photos/{p.Id}/media/original"));

    /// <summary>Versioned so a new derivative recipe gets a new URL and long-lived caching stays correct.</summary>
    public static string MediaUrl(Photo p, string variant) =>
        $"/api/v1/photos/{p.Id}/media/{variant}?v={p.DerivativesVersion ?? 0}";
}
