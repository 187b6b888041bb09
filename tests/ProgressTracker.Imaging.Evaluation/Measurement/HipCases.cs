using ProgressTracker.Imaging.Synthetic;

namespace ProgressTracker.Imaging.Evaluation.Measurement;

/// <summary>
/// The generated hip photos the accuracy benchmark and the tests measure: body shapes (seeds) × dips from none to
/// about 8 % of hip breadth, each seen by a slightly different camera (rotation, scale, shift, exposure, noise), the
/// re-rendered copies of a few bodies for test–retest spread, and photos spoiled by each fault.
/// </summary>
public static class HipCases
{
    public const int Width = 1200;
    public const int Height = 1600;
    public static readonly double[] Dips = [0, 0.25, 0.5, 0.9, 1.3, 1.8];

    public static IEnumerable<HipCase> Good(int shapes, int cameras, string view = "front")
    {
        for (var seed = 1; seed <= shapes; seed++)
        {
            foreach (var dip in Dips)
            {
                for (var c = 0; c < cameras; c++)
                {
                    var camera = Camera(seed * 31 + c * 7 + (int)(dip * 10));
                    yield return new HipCase($"{view} shape {seed} dip {dip:0.0} camera {c}",
                        new SyntheticBodyOptions(Width, Height, view, dip, seed, ShapeVariation: 1), camera, HipFault.None);
                }
            }
        }
    }

    /// <summary>The same body photographed <paramref name="copies"/> times: each copy turned, scaled and lit a little differently.</summary>
    public static IEnumerable<HipCase> Retest(int seed, double dip, int copies, string view = "front") =>
        Enumerable.Range(0, copies).Select(c => new HipCase($"{view} retest shape {seed} dip {dip:0.0} copy {c}",
            new SyntheticBodyOptions(Width, Height, view, dip, seed, TurnDegrees: (c % 3 - 1) * 1.0, ShapeVariation: 1), Camera(1000 + seed * 13 + c), HipFault.None));

    public static IEnumerable<HipCase> Faulty(int perFault)
    {
        var faults = new[] { HipFault.HandNearHip, HipFault.ClothingAcrossBand, HipFault.LeavesFrame, HipFault.LowContrast, HipFault.DifferentPose };
        foreach (var fault in faults)
        {
            for (var i = 0; i < perFault; i++)
            {
                var seed = 40 + i;
                var body = new SyntheticBodyOptions(Width, Height, "front", 0.6 + 0.4 * i, seed,
                    TurnDegrees: fault == HipFault.DifferentPose ? 25 + 5 * i : 0, ShapeVariation: 1);
                yield return new HipCase($"{fault} {i}", body, Camera(500 + 17 * i), fault);
            }
        }
    }

    /// <summary>A camera that differs a little from the ideal one: ±2°, ±4 % scale, small shifts, exposure and noise.</summary>
    public static WarpSpec Camera(int seed)
    {
        var random = new Random(seed);
        double Spread(double amount) => (random.NextDouble() * 2 - 1) * amount;
        return new WarpSpec(Spread(2), 1 + Spread(0.04), Spread(0.02), Spread(0.02), Gain: 1 + Spread(0.08), Offset: Spread(6),
            Noise: 2 + 2 * random.NextDouble());
    }
}
