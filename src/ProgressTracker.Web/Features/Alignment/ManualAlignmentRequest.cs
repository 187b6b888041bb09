namespace ProgressTracker.Web.Features.Alignment;

public sealed record ManualAlignmentRequest(IReadOnlyList<LandmarkPairDto>? Landmarks);
