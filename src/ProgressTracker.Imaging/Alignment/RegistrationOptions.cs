namespace ProgressTracker.Imaging.Alignment;

/// <summary>Final motion model. Similarity measured better on the benchmark; affine stays available for comparison.</summary>
internal enum MotionModel
{
    Similarity,
    Affine,
}

/// <summary>
/// The registration's design choices, fixed by measurement (see docs/benchmarks.md) and kept switchable so the
/// benchmark can show the alternatives on the same pairs.
/// </summary>
/// <param name="HipBandWeight">
/// Weight of the hip band against the stable torso and thighs. The band's change biases the fit more than its
/// detail helps: at 1 (no special weighting) corner error is about ten times that at 0.
/// </param>
/// <param name="OutlineImportance">
/// Weight of the sub-pixel outline against intensity inside the body in the joint fit (per-pixel means, grey
/// levels). Intensity alone locks onto skin texture, which a later photo does not reproduce; the outline does not.
/// </param>
/// <param name="Motion">Similarity, or a final affine refit of the outline (OpenCV ECC) for comparison.</param>
internal sealed record RegistrationOptions(double HipBandWeight = 0, double OutlineImportance = 0.1, MotionModel Motion = MotionModel.Similarity)
{
    public static readonly RegistrationOptions Default = new();
}
