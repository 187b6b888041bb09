using ProgressTracker.Imaging.Measurement;

namespace ProgressTracker.Imaging.Evaluation.Measurement;

/// <summary>A lateral view's true back profile: concavity depth and buttock projection, % of the body's depth.</summary>
public sealed record TrueProfile(double DepthPct, double ProjectionPct)
{
    private const double StartFraction = 0.05; // the method's nominal window, applied to the exact outline
    private const double EndFraction = 0.7;

    /// <summary>
    /// The definition applied to the exact outline: waist = the middle of the narrowest stretch (front to back) above
    /// the deepest row (the buttock); the window runs from 5 % of the way from waist to buttock below the waist to 70 %
    /// of that distance below the buttock.
    /// </summary>
    public static TrueProfile Of(double[] left, double[] right, bool backIsRight)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var levels = TrueLevels.Of(left, right);
        var (waist, buttock, gap, last, bodyDepth) = (levels.Waist, levels.Widest, levels.Gap, levels.Last, levels.WidestBreadth);
        var outs = backIsRight ? right : left.Select(x => -x).ToArray();
        var from = waist + (int)Math.Round(StartFraction * gap);
        var to = Math.Min(last, buttock + (int)Math.Round(EndFraction * gap));
        var points = Enumerable.Range(from, to - from + 1).Select(y => new ContourPoint(y, outs[y])).ToList();
        // Only a concavity bounded by bulges inside the window counts (not one anchored at either end).
        var defect = ConvexityDefect.All(points).Where(d => d.Upper.Y > from && d.Lower.Y < to).MaxBy(d => d.Depth);
        var defectDepth = defect?.Depth ?? 0;
        ContourPoint a = points[0], b = points[^1];
        double dy = b.Y - a.Y, dout = b.Out - a.Out;
        var projection = points.Max(p => p.Out - (a.Out + dout * (p.Y - a.Y) / dy)) * dy / Math.Sqrt(dy * dy + dout * dout);
        return new TrueProfile(100 * defectDepth / bodyDepth, 100 * projection / bodyDepth);
    }
}
