using ProgressTracker.Imaging.Alignment;
using ProgressTracker.Imaging.Evaluation;

namespace ProgressTracker.Imaging.Tests.Alignment;

/// <summary>One matched pair of the table: what was done to the follow-up, and where the alignment put its corners.</summary>
public sealed record MatchedCase(string View, int Seed, WarpSpec Warp, int? PhotoCanvasWidth)
{
    public override string ToString() => $"{View} seed {Seed} {Warp}" + (PhotoCanvasWidth is { } w ? $" canvas {w}" : "");
}

public sealed record MatchedOutcome(MatchedCase Case, AlignmentResult Result, double[] CornerErrors);

/// <summary>
/// The matched table, aligned once for all the tests that read it: every view, each with three follow-ups that
/// span the required ranges (turn ±6°, scale 0.85–1.20, shift up to 15 % of the width, exposure, noise, backdrop
/// shade, a shallower hip dip). The third follow-up is rendered on a wider frame, so its skin texture is not a
/// pixel copy of the baseline's, as it never is between real visits; the second comes from a larger camera frame.
/// </summary>
public sealed class MatchedPairTable
{
    public static readonly IReadOnlyList<MatchedCase> Cases = SyntheticPairs.Views.SelectMany((view, v) => new[]
    {
        new MatchedCase(view, 100 + v, new WarpSpec(+6, 1.20, +0.15, -0.10, Gain: 1.10, Offset: 10, Noise: 4, BackdropShift: 15), null),
        new MatchedCase(view, 100 + v, new WarpSpec(-6, 0.85, -0.15, +0.12, Gain: 0.90, Offset: -10, Noise: 5, BackdropShift: -20, PhotoScale: 1.25), null),
        new MatchedCase(view, 200 + v, new WarpSpec(+2.5, 1.05, +0.06, +0.15, Gain: 1.05, Offset: -5, Noise: 3, BackdropShift: 10), 1280),
    }).ToList();

    public MatchedPairTable()
    {
        Outcomes = Cases.AsParallel().AsOrdered().WithDegreeOfParallelism(2).Select(c =>
        {
            using var pair = SyntheticPairs.Matched(c.View, c.Seed, c.Warp, photoCanvasWidth: c.PhotoCanvasWidth);
            var result = PhotoAligner.Align(pair.Baseline, pair.Photo);
            return new MatchedOutcome(c, result, CornerError.Measure(result.Matrix, pair.Truth!, pair.Photo.Size(), pair.Baseline.Size()));
        }).ToList();
    }

    public IReadOnlyList<MatchedOutcome> Outcomes { get; }
}
