namespace ProgressTracker.Stack;

public static class Percentiles
{
    /// <summary>The nearest-rank percentile (0–100) of the values; 0 for none.</summary>
    public static double Of(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
