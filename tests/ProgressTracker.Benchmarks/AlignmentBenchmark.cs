using System.Diagnostics;
using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;
using ProgressTracker.Imaging.Evaluation;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// Alignment accuracy and speed with known ground truth: mean and 95th-percentile corner error at a 1280-px long
/// edge, median milliseconds per pair, and how many pairs each method calls aligned — for our silhouette-and-
/// intensity registration and, on the same pairs in the same run, OpenCV ORB + RANSAC alone. Design alternatives
/// of ours (hip band not weighted, intensity only, affine motion) run on the generated pairs for comparison.
/// </summary>
public static class AlignmentBenchmark
{
    private sealed record Method(string Name, Func<Mat, Mat, AlignmentResult> Align, bool Alternative = false);

    private static readonly Method Ours = new("ours (silhouette + intensity)", (b, p) => PhotoAligner.Align(b, p));
    private static readonly Method Orb = new("peer: ORB + RANSAC", AlignmentOrbPeer.Align);
    private static readonly Method[] Alternatives =
    [
        new("ours, hip band not weighted", (b, p) => PhotoAligner.Align(b, p, new RegistrationOptions(HipBandWeight: 1), default), true),
        new("ours, intensity only (no outline)", (b, p) => PhotoAligner.Align(b, p, new RegistrationOptions(OutlineImportance: 0), default), true),
        new("ours, affine instead of similarity", (b, p) => PhotoAligner.Align(b, p, new RegistrationOptions(Motion: MotionModel.Affine), default), true),
    ];

    public static int Run(string[] args)
    {
        var pairs = BenchArgs.Option(args, "--pairs", 60);
        var mismatches = BenchArgs.Option(args, "--mismatches", 30);
        var real = AlignmentRealPhotos.Load(args);
        Console.WriteLine($"Alignment benchmark: {pairs} generated pairs per set at 960×1280, {mismatches} mismatched pairs, " +
                          $"{Environment.ProcessorCount} cores, corner error in px at a 1280-px long edge");
        WarmUp();

        var tallies = new List<AlignmentTally>();
        Method[] all = [Ours, Orb, .. Alternatives];
        tallies.AddRange(Measure("generated, texture copied", AlignmentBenchmarkSets.Generated(pairs, redrawTexture: false), all));
        tallies.AddRange(Measure("generated, texture re-drawn", AlignmentBenchmarkSets.Generated(pairs, redrawTexture: true), all));
        tallies.AddRange(Measure("3024×4032 vs 1200×1600", AlignmentBenchmarkSets.FullSize(), [Ours, Orb]));
        if (real.Count == 0)
            Console.WriteLine("No real photographs were found on this machine: the real-photograph set is skipped.");
        else
        {
            Console.WriteLine($"Real photographs (not of bodies — none exist here): {string.Join(", ", real.Select(r => $"{r.Name} {r.Image.Width}×{r.Image.Height}"))}");
            tallies.AddRange(Measure("real photographs", AlignmentBenchmarkSets.Real(real), [Ours, Orb]));
        }
        var wrong = Measure("mismatched (view/person/framing)", AlignmentBenchmarkSets.Mismatched(mismatches), [Ours, Orb]);

        Console.WriteLine();
        Console.WriteLine("| set | method | pairs | mean px | p95 px | max px | median ms | aligned verdicts |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var t in tallies) Console.WriteLine(t.Row(withErrors: true));
        foreach (var t in wrong) Console.WriteLine(t.Row(withErrors: false));
        foreach (var r in real) r.Image.Dispose();

        Console.WriteLine();
        var generated = tallies.Where(t => t.Method == Ours.Name && t.Set.StartsWith("generated", StringComparison.Ordinal)).ToList();
        var wrongOurs = wrong.Single(t => t.Method == Ours.Name);
        Console.WriteLine($"Targets on the generated sets (ours): mean ≤ 1 px {Verdict(generated.All(t => t.Mean <= 1))}, " +
                          $"p95 ≤ 2 px {Verdict(generated.All(t => t.P95 <= 2))}, " +
                          $"≤ 150 ms per pair {Verdict(generated.All(t => t.MedianMs <= 150))}, " +
                          $"mismatched pairs called aligned = 0 {Verdict(wrongOurs.AlignedVerdicts == 0)} ({wrongOurs.AlignedVerdicts})");
        return 0;
    }

    private static List<AlignmentTally> Measure(string set, IEnumerable<AlignmentPair> pairs, Method[] methods)
    {
        var tallies = methods.Select(m => new AlignmentTally(set, m.Name)).ToList();
        var watch = Stopwatch.StartNew();
        foreach (var pair in pairs)
        {
            using (pair)
            {
                for (var i = 0; i < methods.Length; i++)
                {
                    var clock = Stopwatch.StartNew();
                    var result = methods[i].Align(pair.Baseline, pair.Photo);
                    var ms = clock.Elapsed.TotalMilliseconds;
                    var errors = pair.Truth is null ? null : CornerError.Measure(result.Matrix, pair.Truth, pair.Photo.Size(), pair.Baseline.Size());
                    tallies[i].Add(errors, ms, result.Verdict == AlignmentVerdict.Aligned);
                }
            }
        }
        Console.WriteLine($"  {set}: {tallies[0].Pairs} pairs in {watch.Elapsed.TotalSeconds:0} s");
        return tallies;
    }

    /// <summary>First calls pay for JIT and OpenCV's lazy initialisation; they are not what a worker pays per photo.</summary>
    private static void WarmUp()
    {
        using var pair = SyntheticPairs.Matched("front", 1, new WarpSpec(1, 1.02, 0.01, 0.01), 480, 640);
        for (var i = 0; i < 3; i++)
        {
            PhotoAligner.Align(pair.Baseline, pair.Photo);
            AlignmentOrbPeer.Align(pair.Baseline, pair.Photo);
        }
    }


    private static string Verdict(bool met) => met ? "met" : "NOT met";
}
