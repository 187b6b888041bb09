using System.Linq.Expressions;

namespace ProgressTracker.Web.Features.Photos;

/// <summary>
/// The columns a <see cref="PhotoDto"/> is made of. A list such as the timeline selects only these, leaving out the
/// storage keys, file names and processing bookkeeping that a page never shows.
/// </summary>
public sealed record PhotoSummary(Guid Id, Guid VisitId, Guid PatientId, PhotoView View, PhotoStatus Status,
    string? FailureReason, int? Width, int? Height, DateTimeOffset? CapturedAt, string ContentHash,
    DateTimeOffset UploadedAt, int? DerivativesVersion, PhotoAlignment Alignment, MeasurementState MeasurementStatus,
    string? MeasurementResult)
{
    /// <summary>For queries: EF translates it into a SELECT of just these columns.</summary>
    public static readonly Expression<Func<Photo, PhotoSummary>> Projection = p => new PhotoSummary(
        p.Id, p.VisitId, p.PatientId, p.View, p.Status, p.FailureReason, p.Width, p.Height, p.CapturedAt,
        p.ContentHash, p.UploadedAt, p.DerivativesVersion, p.Alignment, p.Measurement.Status, p.Measurement.Result);

    private static readonly Func<Photo, PhotoSummary> Summarize = Projection.Compile();

    /// <summary>The same projection for a photo already loaded, so both paths make identical DTOs.</summary>
    public static PhotoSummary Of(Photo photo) => Summarize(photo);
}
