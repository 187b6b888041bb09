using System.Diagnostics;
using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;
using ProgressTracker.Imaging.Evaluation.Measurement;
using ProgressTracker.Imaging.Measurement;
using ProgressTracker.Imaging.Synthetic;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// Accuracy of the hip-contour measurement on generated bodies with known dips, through the whole measurement:
/// depth and area error, test–retest spread, millimetre repeatability with a marker, the share of spoiled photos that
/// still got a confident number (must be 0) and time per photo.
/// </summary>
public static class HipContourBenchmark
{
    public static int Run(string[] args)
    {
        var shapes = BenchArgs.Option(args, "--shapes", 6);
        var cameras = BenchArgs.Option(args, "--cameras", 2);
        if (args.Contains("--lateral-only")) { LateralAccuracy(shapes); return 0; }
        Console.WriteLine($"hip-contour: {shapes} body shapes × {HipCases.Dips.Length} dips × {cameras} cameras, {Environment.ProcessorCount} cores");

        var depthErrors = new List<double>();
        var areaErrors = new List<double>();
        var times = new List<double>();
        var refused = new List<string>();
        var peerErrors = new List<double>();
        var peerTimes = new List<double>();
        foreach (var c in HipCases.Good(shapes, cameras))
        {
            var (m, truth, ms) = MeasureCase(c);
            times.Add(ms);
            var (peer, peerMs) = PeerCase(c);
            peerTimes.Add(peerMs);
            if (peer is { } p)
            {
                peerErrors.Add(Math.Abs(p.Right - truth.LeftDepthPct));
                peerErrors.Add(Math.Abs(p.Left - truth.RightDepthPct));
            }
            if (m.Status != MeasurementStatus.Measured) { refused.Add($"{c.Name}: {m.Reason}"); continue; }
            // Image sides: on a front view the patient's left is the image's right.
            depthErrors.Add(Math.Abs(m.Right!.DepthPct - truth.LeftDepthPct));
            depthErrors.Add(Math.Abs(m.Left!.DepthPct - truth.RightDepthPct));
            areaErrors.Add(Math.Abs(m.Right.AreaPct - truth.LeftAreaPct));
            areaErrors.Add(Math.Abs(m.Left.AreaPct - truth.RightAreaPct));
            if (Environment.GetEnvironmentVariable("PT_VERBOSE") == "1")
                Console.WriteLine($"  {c.Name}: truth {truth.LeftDepthPct:0.00}/{truth.RightDepthPct:0.00} measured {m.Right.DepthPct:0.00}/{m.Left.DepthPct:0.00} conf {m.Confidence:0.00} spread {m.SpreadPct:0.00}");
        }
        var good = shapes * HipCases.Dips.Length * cameras;
        Console.WriteLine($"good photos: {good}, measured {good - refused.Count}, refused {refused.Count}");
        foreach (var r in refused.Take(8)) Console.WriteLine($"  refused {r}");
        Console.WriteLine($"depth error, % of hip breadth: mean {Mean(depthErrors):0.000}, p95 {P95(depthErrors):0.000}, max {Max(depthErrors):0.000} (target p95 ≤ 0.5)");
        Console.WriteLine($"area error, % of hip breadth²: mean {Mean(areaErrors):0.0000}, p95 {P95(areaErrors):0.0000}");
        peerTimes.Sort();
        Console.WriteLine($"peer, OpenCV convexity defects of the pixel silhouette (every good photo, no refusals): depth error mean {Mean(peerErrors):0.000}, " +
            $"p95 {P95(peerErrors):0.000}, max {Max(peerErrors):0.000} % of hip breadth; median {peerTimes[peerTimes.Count / 2]:0.0} ms");

        var retest = new List<double>();
        foreach (var (seed, dip) in new[] { (2, 1.0), (3, 2.0), (5, 0.5) })
        {
            var depths = HipCases.Retest(seed, dip, 5).Select(c => MeasureCase(c).Measurement)
                .Where(m => m.Status == MeasurementStatus.Measured).SelectMany(m => new[] { (m.Left!.DepthPct, 0), (m.Right!.DepthPct, 1) }).ToList();
            foreach (var side in new[] { 0, 1 })
            {
                var values = depths.Where(d => d.Item2 == side).Select(d => d.Item1).ToArray();
                if (values.Length > 1) retest.Add(values.Max() - values.Min());
            }
            Console.WriteLine($"  retest shape {seed} dip {dip:0.0}: {depths.Count / 2} of 5 copies measured, spread {string.Join(" / ", retest.TakeLast(2).Select(v => v.ToString("0.000")))} %");
        }
        Console.WriteLine($"test–retest spread (max − min over 5 re-posed copies), % of hip breadth: worst {Max(retest):0.000} (target ≤ 0.3)");

        LateralAccuracy(shapes);

        var mm = MarkerRepeatability();
        Console.WriteLine($"with a 60 mm marker, depth repeatability over 5 copies: worst spread {mm:0.00} mm (target ≤ 1 mm)");

        var (confidentBad, rightReason) = (0, 0);
        var faults = HipCases.Faulty(3).ToList();
        foreach (var c in faults)
        {
            var m = MeasureCase(c).Measurement;
            var ok = m.Status == MeasurementStatus.NotMeasurable;
            if (!ok) confidentBad++;
            if (c.ExpectedReasons.Contains(m.Reason)) rightReason++;
            Console.WriteLine($"  {c.Name}: {(ok ? "not measurable" : $"MEASURED conf {m.Confidence:0.00}")}, reason: {m.Reason}{(c.ExpectedReasons.Contains(m.Reason) ? "" : "  (NOT THE EXPECTED REASON)")}");
        }
        Console.WriteLine($"spoiled photos with a confident number: {confidentBad} of {faults.Count} (target 0); refused with the right reason: {rightReason} of {faults.Count}");
        times.Sort();
        Console.WriteLine($"time per photo (a {HipCases.Width}×{HipCases.Height} body cropped to 1056×1408, decoded): median {times[times.Count / 2]:0.0} ms, p95 {P95(times):0.0} ms (target ≤ 100 ms)");
        Console.WriteLine($"time per 12 MP photo (3024×4032, decoded): median {TwelveMegapixel():0.0} ms (target ≤ 100 ms)");
        return 0;
    }

    private static ((double Left, double Right)? Depths, double Ms) PeerCase(HipCase c)
    {
        var (photo, _) = c.Render();
        using (photo)
        {
            var watch = Stopwatch.StartNew();
            var depths = HipContourPeer.Measure(photo);
            return (depths, watch.Elapsed.TotalMilliseconds);
        }
    }

    /// <summary>A phone-size master: the same body enlarged to 12 MP, measured five times after a warm-up.</summary>
    private static double TwelveMegapixel()
    {
        var (photo, _) = HipCases.Good(1, 1).First(c => c.Dip == 0.9).Render();
        using (photo)
        using (var big = new Mat())
        {
            Cv2.Resize(photo, big, new Size(3024, 4032), 0, 0, InterpolationFlags.Cubic);
            HipMeasurer.Measure(big, new MeasurementContext("front"), CancellationToken.None);
            var runs = Enumerable.Range(0, 5).Select(_ =>
            {
                var watch = Stopwatch.StartNew();
                HipMeasurer.Measure(big, new MeasurementContext("front"), CancellationToken.None);
                return watch.Elapsed.TotalMilliseconds;
            }).Order().ToArray();
            return runs[runs.Length / 2];
        }
    }

    private static (HipMeasurement Measurement, TrueDip Truth, double Ms) MeasureCase(HipCase c)
    {
        var (photo, truth) = c.Render();
        using (photo)
        {
            var alignment = c.AlignmentOf(photo);
            var watch = Stopwatch.StartNew();
            var m = HipMeasurer.Measure(photo, new MeasurementContext(c.Body.View, Alignment: alignment), CancellationToken.None);
            return (m, truth, watch.Elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Lateral views: the back profile's concavity and the buttock's projection against the exact outline.</summary>
    private static void LateralAccuracy(int shapes)
    {
        var depthErrors = new List<double>();
        var projectionErrors = new List<double>();
        var refused = 0;
        foreach (var c in HipCases.Good(shapes, 1, "left-lateral"))
        {
            TrueProfile? truth = null;
            var (photo, _) = c.Render((image, _) => { });
            using (var drawn = SyntheticBody.RenderWithOutline(c.Body)) truth = TrueProfile.Of(drawn.Left, drawn.Right, backIsRight: true);
            using (photo)
            {
                var m = HipMeasurer.Measure(photo, new MeasurementContext(c.Body.View), CancellationToken.None);
                if (m.Status != MeasurementStatus.Measured)
                {
                    refused++;
                    if (Environment.GetEnvironmentVariable("PT_VERBOSE") == "1") Console.WriteLine($"  {c.Name}: refused: {m.Reason}");
                    continue;
                }
                depthErrors.Add(Math.Abs(m.Left!.DepthPct - truth.DepthPct));
                projectionErrors.Add(Math.Abs(m.Left.ProjectionPct!.Value - truth.ProjectionPct));
                if (Environment.GetEnvironmentVariable("PT_VERBOSE") == "1")
                    Console.WriteLine($"  {c.Name}: truth {truth.DepthPct:0.00}/{truth.ProjectionPct:0.00} measured {m.Left.DepthPct:0.00}/{m.Left.ProjectionPct:0.00} conf {m.Confidence:0.00}");
            }
        }
        Console.WriteLine($"left-lateral: {shapes * HipCases.Dips.Length} photos, refused {refused}; concavity error p95 {P95(depthErrors):0.000}, " +
            $"projection error p95 {P95(projectionErrors):0.000} (% of body depth)");
    }

    private static double MarkerRepeatability()
    {
        var worst = 0.0;
        foreach (var seed in new[] { 2, 4 })
        {
            var depths = new List<(double L, double R)>();
            foreach (var c in HipCases.Retest(seed, 1.5, 5))
            {
                // The body is drawn with a hip breadth of about 360 mm, so the marker has a true size on the page.
                var (photo, _) = c.Render((image, truth) => MarkerPatch.Apply(image, 60, truth.HipBreadthPx / 360));
                using (photo)
                {
                    var m = HipMeasurer.Measure(photo, new MeasurementContext("front", MarkerSizeMm: 60), CancellationToken.None);
                    if (m.Left?.DepthMm is { } l && m.Right?.DepthMm is { } r) depths.Add((l, r));
                    else Console.WriteLine($"  marker copy {c.Name}: {m.Status} {m.Reason} units {m.Units}");
                }
            }
            if (depths.Count > 1)
                worst = Math.Max(worst, Math.Max(depths.Max(d => d.L) - depths.Min(d => d.L), depths.Max(d => d.R) - depths.Min(d => d.R)));
        }
        return worst;
    }


    private static double Mean(List<double> v) => v.Count == 0 ? double.NaN : v.Average();
    private static double Max(List<double> v) => v.Count == 0 ? double.NaN : v.Max();
    private static double P95(List<double> v)
    {
        if (v.Count == 0) return double.NaN;
        var sorted = v.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.95 * sorted.Length) - 1)];
    }
}
