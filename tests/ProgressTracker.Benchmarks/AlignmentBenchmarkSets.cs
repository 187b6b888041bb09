using ProgressTracker.Imaging.Evaluation;

namespace ProgressTracker.Benchmarks;

/// <summary>The pair sets of the alignment benchmark, each reproducible from its seed.</summary>
public static class AlignmentBenchmarkSets
{
    /// <summary>Within the ranges: turn ±6°, scale 0.85–1.20, shift ±15 % of the width, exposure, noise, backdrop.</summary>
    public static WarpSpec RandomWarp(Random r) => new(
        RotationDegrees: r.NextDouble() * 12 - 6, Scale: 0.85 + r.NextDouble() * 0.35,
        ShiftX: r.NextDouble() * 0.3 - 0.15, ShiftY: r.NextDouble() * 0.3 - 0.15,
        Gain: 0.85 + r.NextDouble() * 0.3, Offset: r.NextDouble() * 30 - 15, Noise: 2 + r.NextDouble() * 4,
        BackdropShift: r.NextDouble() * 40 - 20);

    /// <summary>
    /// Same patient and view, later visit, 960×1280. With <paramref name="redrawTexture"/> the follow-up is rendered
    /// on a 1280-wide frame, which re-draws the synthetic skin texture instead of repeating it pixel for pixel.
    /// </summary>
    public static IEnumerable<AlignmentPair> Generated(int count, bool redrawTexture)
    {
        var random = new Random(2026);
        for (var i = 0; i < count; i++)
        {
            var view = SyntheticPairs.Views[i % SyntheticPairs.Views.Count];
            yield return SyntheticPairs.Matched(view, 1000 + i, RandomWarp(random), photoCanvasWidth: redrawTexture ? 1280 : null);
        }
    }

    /// <summary>Phone-sized masters: a 3024×4032 baseline against a 1200×1600 follow-up.</summary>
    public static IEnumerable<AlignmentPair> FullSize()
    {
        var random = new Random(12);
        foreach (var view in new[] { "front", "left-lateral", "right-oblique" })
            yield return SyntheticPairs.Matched(view, 77, RandomWarp(random) with { PhotoScale = 1200.0 / 3024 }, 3024, 4032);
    }

    /// <summary>Each real photograph against six warped, re-exposed, noisy copies of itself.</summary>
    public static IEnumerable<AlignmentPair> Real(IReadOnlyList<(string Name, OpenCvSharp.Mat Image)> photos)
    {
        var random = new Random(7);
        foreach (var (name, image) in photos)
        {
            for (var k = 0; k < 6; k++)
            {
                var warp = RandomWarp(random);
                var (photo, truth) = KnownWarp.Apply(image, warp, k);
                yield return new AlignmentPair($"{name} {warp}", image.Clone(), photo, truth);
            }
        }
    }

    /// <summary>Pairs that must not be aligned: another view, another person in another view, another framing.</summary>
    public static IEnumerable<AlignmentPair> Mismatched(int count)
    {
        var random = new Random(99);
        var views = SyntheticPairs.Views;
        for (var i = 0; i < count; i++)
        {
            var baseline = views[i % views.Count];
            var other = views[(i % views.Count + 1 + i / views.Count % (views.Count - 1)) % views.Count];
            var seed = 3000 + i;
            yield return (i % 4) switch
            {
                0 => SyntheticPairs.OtherView(baseline, other, seed, seed, RandomWarp(random)),
                1 => SyntheticPairs.OtherView(baseline, other, seed, seed + 500, RandomWarp(random)),
                2 => SyntheticPairs.OtherFraming(baseline, seed, closeUp: true),
                _ => SyntheticPairs.OtherFraming(baseline, seed, closeUp: false),
            };
        }
    }
}
