namespace ProgressTracker.Web.Features.Measurements;

/// <summary>The chart in words, for its SVG description (screen readers) and the summary line above it.</summary>
public static class MeasurementChartText
{
    public static string Describe(MeasurementChart c)
    {
        var parts = new List<string>();
        foreach (var (name, side) in new[] { (c.LeftName, (Func<ChartPoint, ChartValue?>)(p => p.Left)), (c.RightName, p => p.Right) })
        {
            var values = c.Points.Where(p => side(p) is not null).ToList();
            if (values.Count == 0) continue;
            var first = values[0];
            var last = values[^1];
            parts.Add(values.Count == 1
                ? $"{name}: {Value(c, side(first)!)} on {c.DateLabel(first)}."
                : $"{name}: {Value(c, side(first)!)} on {c.DateLabel(first)}, {Value(c, side(last)!)} on {c.DateLabel(last)}.");
        }
        if (parts.Count == 0) return "No photo of this view has been measured yet.";
        var sessions = c.Sessions.Count == 0 ? "" : $" {c.Sessions.Count} treatment session{(c.Sessions.Count == 1 ? "" : "s")} marked.";
        var missing = c.NotMeasured.Count() is var n and > 0 ? $" {n} photo{(n == 1 ? " was" : "s were")} not measured." : "";
        return string.Join(" ", parts) + sessions + missing + (c.Mdc is null ? "" : " " + c.NoiseLine);
    }

    /// <summary>"3.37 → 1.10 %" from the first to the latest measurement, marked when within the MDC (noise).</summary>
    public static string? Change(MeasurementChart c, Func<ChartPoint, ChartValue?> side)
    {
        var values = c.Points.Select(side).OfType<ChartValue>().ToList();
        if (values.Count < 2) return null;
        var (first, last) = (values[0].Value, values[^1].Value);
        var noise = c.Mdc is { } mdc && Math.Abs(last - first) < mdc ? " (within noise)" : "";
        return $"{MeasurementChart.Format(first)} → {MeasurementChart.Format(last)} {c.UnitShort}{noise}";
    }

    private static string Value(MeasurementChart c, ChartValue v) => $"{MeasurementChart.Format(v.Value)} {c.UnitShort}";
}
