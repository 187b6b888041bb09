using ProgressTracker.Imaging.Measurement;

namespace ProgressTracker.Imaging.Evaluation.Measurement;

/// <summary>The dip a generated body really has, per image side, in % of hip breadth (depth) and of its square (area).</summary>
public sealed record TrueDip(double LeftDepthPct, double RightDepthPct, double LeftAreaPct, double RightAreaPct, double HipBreadthPx)
{
    private const double StartFraction = 0.35; // the method's nominal window, applied to the exact outline
    private const double EndFraction = 0.15;

    /// <summary>
    /// Applies the definition to the exact outline the body was drawn from (one point per row, no pixels involved):
    /// waist = the middle of the narrowest stretch above the widest row (the hips); on each side the window runs from 35 % of the way
    /// from waist to hips down to 15 % below that side's outermost point, and the dip is the convexity defect there.
    /// </summary>
    public static TrueDip Of(double[] left, double[] right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var levels = TrueLevels.Of(left, right);
        var (waist, gap, hipBreadth) = (levels.Waist, levels.Gap, levels.WidestBreadth);
        var (l, la) = Side(left.Select(x => -x).ToArray(), waist, gap);
        var (r, ra) = Side(right, waist, gap);
        return new TrueDip(100 * l / hipBreadth, 100 * r / hipBreadth, 100 * la / (hipBreadth * hipBreadth),
            100 * ra / (hipBreadth * hipBreadth), hipBreadth);
    }

    private static (double Depth, double Area) Side(double[] outs, int waist, int gap)
    {
        var trochanter = Enumerable.Range(waist + gap / 2, gap - gap / 2 + gap / 3).MaxBy(y => outs[y]);
        var from = waist + (int)Math.Round(StartFraction * gap);
        var to = trochanter + (int)Math.Round(EndFraction * gap);
        var points = Enumerable.Range(from, to - from + 1).Select(y => new ContourPoint(y, outs[y])).ToList();
        var defect = ConvexityDefect.Of(points);
        return (defect.Depth, defect.Area);
    }
}
