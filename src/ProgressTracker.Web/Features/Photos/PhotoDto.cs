namespace ProgressTracker.Web.Features.Photos;

/// <summary>
/// Links to the photo's media; a variant is null until it exists. Aligned: the photo on its baseline's canvas
/// (display size; alignedThumb at thumbnail size).
/// </summary>
public sealed record PhotoMediaDto(string? Thumb, string? Display, string? Aligned, string? AlignedThumb, string? Original);

/// <summary>matrix: [a, b, tx, c, d, ty] from this photo's master pixels to the baseline master's pixels.</summary>
public sealed record AlignmentDto(Guid? BaselinePhotoId, double[]? Matrix, double? Score, AlignmentMethod Method,
    AlignmentStatus Status, string? Reason)
{
    public static AlignmentDto From(PhotoAlignment a) =>
        new(a.BaselinePhotoId, a.Matrix, a.Score, a.Method, a.Status, a.Reason);

    /// <summary>Presented as aligned (not merely awaiting review); the rule is <see cref="PhotoAlignment"/>'s.</summary>
    public bool IsConfirmed() => PhotoAlignment.IsConfirmedAlignment(Matrix, Status);
}

public sealed record PhotoDto(Guid Id, Guid VisitId, Guid PatientId, PhotoView View, PhotoStatus Status,
    string? FailureReason, int? Width, int? Height, DateTimeOffset? CapturedAt, string ContentHash,
    DateTimeOffset UploadedAt, PhotoMediaDto Media, AlignmentDto Alignment, Features.Measurements.MeasurementDto? Measurements)
{
    public static PhotoDto From(Photo p) => From(PhotoSummary.Of(p));

    public static PhotoDto From(PhotoSummary p)
    {
        var ready = p.Status == PhotoStatus.Ready;
        var aligned = ready && p.Alignment.HasAlignedImage;
        return new PhotoDto(p.Id, p.VisitId, p.PatientId, p.View, p.Status, p.FailureReason,
            p.Width, p.Height, p.CapturedAt, p.ContentHash, p.UploadedAt,
            new PhotoMediaDto(
                ready ? MediaUrl(p, "thumb") : null,
                ready ? MediaUrl(p, "display") : null,
                aligned ? AlignedUrl(p, "aligned") : null,
                aligned ? AlignedUrl(p, "aligned-thumb") : null,
                $"/api/v1/photos/{p.Id}/media/original"),
            AlignmentDto.From(p.Alignment),
            Features.Measurements.MeasurementDto.Of(p.Status, p.MeasurementStatus, p.MeasurementResult));
    }

    /// <summary>For a caller who may not download originals: no link to one.</summary>
    public PhotoDto WithoutOriginal() => this with { Media = Media with { Original = null } };

    /// <summary>Versioned so a new derivative recipe gets a new URL and long-lived caching stays correct.</summary>
    public static string MediaUrl(PhotoSummary p, string variant) =>
        $"/api/v1/photos/{p.Id}/media/{variant}?v={p.DerivativesVersion ?? 0}";

    /// <summary>Named by alignment revision: a new alignment is a new URL.</summary>
    public static string AlignedUrl(PhotoSummary p, string variant) =>
        $"/api/v1/photos/{p.Id}/media/{variant}?r={p.Alignment.Revision}";
}
