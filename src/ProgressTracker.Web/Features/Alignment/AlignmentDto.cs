using ProgressTracker.Web.Domain;

namespace ProgressTracker.Web.Features.Alignment;

/// <summary>matrix: [a, b, tx, c, d, ty] from this photo's master pixels to the baseline master's pixels.</summary>
public sealed record AlignmentDto(Guid? BaselinePhotoId, double[]? Matrix, double? Score, AlignmentMethod Method,
    AlignmentStatus Status, string? Reason)
{
    public static AlignmentDto From(PhotoAlignment a) =>
        new(a.BaselinePhotoId, a.Matrix, a.Score, a.Method, a.Status, a.Reason);
}

public sealed record ManualAlignmentRequest(IReadOnlyList<LandmarkPairDto>? Landmarks);
