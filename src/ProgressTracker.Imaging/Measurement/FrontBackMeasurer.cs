using OpenCvSharp;

namespace ProgressTracker.Imaging.Measurement;

/// <summary>
/// Front and back views: both lateral contours between the waist and the trochanter bulge, fitted at full resolution,
/// each side's convexity defect measured under every combination of window, smoothing and edge threshold (the spread
/// of those answers is the confidence), after the checks that can rule a photo out.
/// </summary>
internal static class FrontBackMeasurer
{
    private static readonly double[] StartFractions = [0.30, 0.35, 0.40]; // of waist→hips, below the waist
    private static readonly double[] EndFractions = [0.10, 0.15, 0.20]; // of waist→hips, below the side's trochanter
    private static readonly double[] SigmaFractions = [0.002, 0.004, 0.008]; // of hip breadth
    private const int NominalVariant = 1;

    public static Measured Measure(Mat image, BodyOutline outline, HipLevels levels, double scale, bool patientLeftIsImageRight)
    {
        int waist = Full(levels.Waist, scale), hips = Full(levels.Hips, scale);
        var gap = hips - waist;
        var last = Math.Min(image.Height - 1, hips + gap / 2);
        var left = EdgeFit.Fit(image, ImageSide.Left, outline.Left, scale, waist, last);
        var right = EdgeFit.Fit(image, ImageSide.Right, outline.Right, scale, waist, last);

        if (PhotoChecks.LowContrast(left, right) is { } faint) return Measured.Refused(faint);
        var coarseBreadth = outline.Breadth(levels.Hips) * scale;

        // Every variant of (edge level, smoothing) gives a hip breadth and, per window, a depth on each side.
        var sides = new[] { left, right }.Select(_ => new List<(ConvexityDefect Defect, double Breadth, bool Nominal)>()).ToArray();
        double nominalBreadth = 0;
        var nominalWindows = new List<ContourPoint>[2];
        for (var l = 0; l < EdgeFit.Levels.Length; l++)
        {
            for (var s = 0; s < SigmaFractions.Length; s++)
            {
                var sigma = SigmaFractions[s] * coarseBreadth;
                double[] outL = left.Out(l, sigma), outR = right.Out(l, sigma);
                var breadth = HipBreadth(outL, outR, hips - waist - gap / 7, hips - waist + gap / 7);
                if (double.IsNaN(breadth)) return Measured.Refused(MeasurementReasons.LowContrast);
                var nominalEdge = l == EdgeFit.Nominal && s == NominalVariant;
                if (nominalEdge) nominalBreadth = breadth;
                for (var side = 0; side < 2; side++)
                {
                    var outs = side == 0 ? outL : outR;
                    var trochanter = waist + ArgMax(outs, gap / 2, Math.Min(outs.Length - 1, gap + gap / 3));
                    for (var a = 0; a < StartFractions.Length; a++)
                    {
                        for (var b = 0; b < EndFractions.Length; b++)
                        {
                            var from = waist + (int)Math.Round(StartFractions[a] * gap);
                            var to = Math.Min(last, trochanter + (int)Math.Round(EndFractions[b] * gap));
                            var points = Points(outs, waist, from, to);
                            if (points.Count < 3) return Measured.Refused(MeasurementReasons.LowContrast);
                            var nominal = nominalEdge && a == NominalVariant && b == NominalVariant;
                            if (nominal) nominalWindows[side] = points;
                            sides[side].Add((ConvexityDefect.Of(points), breadth, nominal));
                        }
                    }
                }
            }
        }

        var results = sides.Select(v =>
        {
            var pct = v.Select(x => 100 * x.Defect.Depth / x.Breadth).ToArray();
            var nominal = v.Single(x => x.Nominal).Defect;
            return new SideResult(nominal, 100 * nominal.Depth / nominalBreadth, 100 * nominal.Area / (nominalBreadth * nominalBreadth),
                pct.Max() - pct.Min());
        }).ToArray();

        var spanFrom = waist + (int)Math.Round(StartFractions[0] * gap);
        // A bulge that comes and goes is a hand or an arm, whatever its colour; a one-sided step is a garment's edge.
        var clothing = PhotoChecks.Protrusion(nominalWindows[0], nominalBreadth) ?? PhotoChecks.Protrusion(nominalWindows[1], nominalBreadth)
            ?? PhotoChecks.SomethingOnTheOutline(left, spanFrom, last, nominalBreadth)
            ?? PhotoChecks.SomethingOnTheOutline(right, spanFrom, last, nominalBreadth);
        var waistBreadth = WaistBreadth(left, right, gap);
        var overlay = Overlay(image, left, right, results, waist, hips, nominalBreadth, patientLeftIsImageRight);
        var (patientLeft, patientRight) = patientLeftIsImageRight ? (results[1], results[0]) : (results[0], results[1]);
        return new Measured(clothing, nominalBreadth, waistBreadth, patientLeft, patientRight, overlay);
    }

    internal static int Full(int coarseRow, double scale) => (int)Math.Round((coarseRow + 0.5) * scale - 0.5);

    /// <summary>The widest breadth (right edge − left edge) among rows <paramref name="from"/>..<paramref name="to"/> of the fitted range.</summary>
    internal static double HipBreadth(double[] outLeft, double[] outRight, int from, int to)
    {
        var best = double.NaN;
        for (var i = Math.Max(0, from); i <= to && i < outLeft.Length; i++)
        {
            var breadth = outRight[i] + outLeft[i]; // right x − left x; left outwardness is −x
            if (!double.IsNaN(breadth) && (double.IsNaN(best) || breadth > best)) best = breadth;
        }
        return best;
    }

    private static double WaistBreadth(FittedSide left, FittedSide right, int gap)
    {
        var rows = Math.Min(Math.Max(1, gap / 20), left.Rows);
        var values = Enumerable.Range(0, rows).Select(i => right.X[EdgeFit.Nominal][i] - left.X[EdgeFit.Nominal][i])
            .Where(double.IsFinite).ToArray();
        return values.Length == 0 ? double.NaN : values.Average();
    }

    private static int ArgMax(double[] values, int from, int to)
    {
        var best = Math.Clamp(from, 0, values.Length - 1);
        for (var i = best; i <= to && i < values.Length; i++)
            if (!double.IsNaN(values[i]) && (double.IsNaN(values[best]) || values[i] > values[best])) best = i;
        return best;
    }

    internal static List<ContourPoint> Points(double[] outs, int firstRow, int from, int to)
    {
        var points = new List<ContourPoint>(to - from + 1);
        for (var y = from; y <= to; y++)
        {
            var i = y - firstRow;
            if (i >= 0 && i < outs.Length && !double.IsNaN(outs[i])) points.Add(new ContourPoint(y, outs[i]));
        }
        return points;
    }

    private static MeasurementOverlay Overlay(Mat image, FittedSide left, FittedSide right, SideResult[] results, int waist, int hips,
        double hipBreadth, bool patientLeftIsImageRight)
    {
        var sides = new[] { left, right }.Select((fitted, i) => SideOverlay.Of(fitted, results[i].Defect,
            (fitted.Side == ImageSide.Right) == patientLeftIsImageRight ? "left" : "right")).ToList();
        double Edge(FittedSide s, int row) => s.X[EdgeFit.Nominal][Math.Clamp(row - s.FirstRow, 0, s.Rows - 1)];
        return new MeasurementOverlay(image.Width, image.Height, sides,
            [new(Edge(left, hips), hips), new(Edge(left, hips) + hipBreadth, hips)],
            [new(Edge(left, waist), waist), new(Edge(right, waist), waist)]);
    }
}

internal sealed record SideResult(ConvexityDefect Defect, double DepthPct, double AreaPct, double SpreadPct, double? ProjectionPct = null);

/// <summary>The outcome of one view's measurement before calibration and the pose check.</summary>
internal sealed record Measured(string? Reason, double HipBreadth, double WaistBreadth, SideResult? Left, SideResult? Right,
    MeasurementOverlay? Overlay)
{
    public static Measured Refused(string reason) => new(reason, double.NaN, double.NaN, null, null, null);
}
