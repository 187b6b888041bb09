namespace ProgressTracker.Benchmarks;

/// <summary>Milliseconds of one kind of request, summarised the way the benchmarks report them.</summary>
public sealed class LatencyFigures
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;
    public double Median => Percentile(0.5);
    public double P95 => Percentile(0.95);
    public double Max => _milliseconds.Max();

    public void Add(double milliseconds) => _milliseconds.Add(milliseconds);

    /// <summary>Median of a[i] − b[i] over requests made in the same rounds, in the same order.</summary>
    public static double MedianDifference(LatencyFigures a, LatencyFigures b)
    {
        var differences = new LatencyFigures();
        foreach (var (x, y) in a._milliseconds.Zip(b._milliseconds)) differences.Add(x - y);
        return differences.Median;
    }

    /// <summary>Nearest rank: the smallest value with at least p of all values at or below it.</summary>
    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
