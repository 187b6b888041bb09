namespace ProgressTracker.Imaging.Alignment;

public enum AlignmentVerdict
{
    Aligned,
    NeedsReview,
}

/// <summary>
/// The outcome of aligning a photo to its baseline. <see cref="Matrix"/> is a 2×3 affine
/// <c>[a, b, tx, c, d, ty]</c> mapping pixel coordinates of the photo's full-size normalised master onto pixel
/// coordinates of the baseline's master: x' = a·x + b·y + tx, y' = c·x + d·y + ty. <see cref="Score"/> runs from
/// 0 (no agreement) to 1; <see cref="Reason"/> says why a result needs review.
/// </summary>
public sealed record AlignmentResult(double[] Matrix, double Score, AlignmentVerdict Verdict, string Method, string? Reason);
