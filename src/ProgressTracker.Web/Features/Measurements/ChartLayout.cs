using System.Globalization;
using System.Text;

namespace ProgressTracker.Web.Features.Measurements;

/// <summary>
/// The chart's geometry at one size. The page draws it twice (wide and compact) and CSS shows one, so the text
/// stays readable on a phone instead of shrinking with a single scaled drawing.
/// </summary>
public sealed class ChartLayout
{
    public MeasurementChart Chart { get; }
    public int Width { get; }
    public int Height { get; }
    public bool Compact { get; }
    public string IdPrefix { get; }
    public double Left { get; }
    public double Right { get; }
    public double Top { get; }
    public double Bottom { get; }
    private readonly double _maxDay;
    private readonly double _minY;
    private readonly double _maxY;

    public ChartLayout(MeasurementChart chart, int width, int height, bool compact, string idPrefix)
    {
        Chart = chart;
        Width = width;
        Height = height;
        Compact = compact;
        IdPrefix = idPrefix;
        Left = compact ? 40 : 56;
        Right = width - (compact ? 12 : 24);
        Top = 44;
        Bottom = height - (compact ? 40 : 44);
        var days = chart.Points.Select(p => p.Day).Concat(chart.Sessions.Select(s => s.Day)).DefaultIfEmpty(0);
        _maxDay = Math.Max(28, days.Max());
        var values = chart.Points.SelectMany(p => new[] { p.Left, p.Right }).OfType<ChartValue>()
            .SelectMany(v => new[] { v.Value - v.Uncertainty, v.Value + v.Uncertainty }).ToList();
        if (chart.Mdc is { } mdc)
            foreach (var first in new[] { FirstOf(p => p.Left), FirstOf(p => p.Right) }.OfType<ChartValue>())
                values.AddRange([first.Value - mdc, first.Value + mdc]);
        var hi = values.Count == 0 ? 1 : values.Max();
        // The axis starts at zero (no dip), so a change is drawn in proportion and never looks larger than it is.
        var step = NiceStep(hi / 4);
        _minY = 0;
        _maxY = Math.Max(_minY + step, Math.Ceiling(hi / step) * step);
        YTicks = Enumerable.Range(0, (int)Math.Round((_maxY - _minY) / step) + 1).Select(i => _minY + i * step).ToList();
        var weekStep = NiceWeeks(_maxDay / 7, compact ? 4 : 8);
        XTicks = Enumerable.Range(0, (int)(_maxDay / 7 / weekStep) + 1).Select(i => i * weekStep).ToList();
    }

    public IReadOnlyList<double> YTicks { get; }

    /// <summary>Left markers sit a little left of the date and right ones a little right, so equal values both show.</summary>
    public double Dodge => 3.5;
    public IReadOnlyList<int> XTicks { get; }

    public ChartValue? FirstOf(Func<ChartPoint, ChartValue?> side) => Chart.Points.Select(side).FirstOrDefault(v => v is not null);

    public double X(double day) => Left + day / _maxDay * (Right - Left);
    public double Y(double value) => Bottom - (Math.Clamp(value, _minY, _maxY) - _minY) / (_maxY - _minY) * (Bottom - Top);

    public static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public string XLabel(int week) => week == 0 ? (Chart.ForPatient ? "start" : "wk 0") : Chart.ForPatient ? $"week {week}" : $"wk {week}";

    /// <summary>The line through a side's measured points; a photo that was not measured breaks it (a gap).</summary>
    public string LinePath(Func<ChartPoint, ChartValue?> side, double dx = 0)
    {
        var d = new StringBuilder();
        var pen = false;
        foreach (var p in Chart.Points)
        {
            if (side(p) is not { } v) { pen = false; continue; }
            d.Append(pen ? " L" : " M").Append(N(X(p.Day) + dx)).Append(',').Append(N(Y(v.Value)));
            pen = true;
        }
        return d.ToString().Trim();
    }

    /// <summary>The uncertainty band around each run of measured points (value ± uncertainty).</summary>
    public IEnumerable<string> BandPaths(Func<ChartPoint, ChartValue?> side, double dx = 0)
    {
        var run = new List<(double X, ChartValue V)>();
        foreach (var p in Chart.Points.Append(null))
        {
            if (p is not null && side(p) is { } v) { run.Add((X(p.Day) + dx, v)); continue; }
            if (run.Count > 0) yield return Band(run);
            run = [];
        }
    }

    private string Band(List<(double X, ChartValue V)> run)
    {
        // A lone point still gets a visible band: a short bar either side of it.
        if (run.Count == 1) run = [(run[0].X - 5, run[0].V), (run[0].X + 5, run[0].V)];
        var upper = run.Select(r => $"{N(r.X)},{N(Y(r.V.Value + r.V.Uncertainty))}");
        var lower = run.AsEnumerable().Reverse().Select(r => $"{N(r.X)},{N(Y(r.V.Value - r.V.Uncertainty))}");
        return "M" + string.Join(" L", upper.Concat(lower)) + " Z";
    }

    private static double NiceStep(double raw)
    {
        if (raw <= 0) return 0.5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw);
    }

    private static int NiceWeeks(double weeks, int maxTicks) =>
        new[] { 1, 2, 4, 8, 12, 26, 52 }.FirstOrDefault(s => weeks / s <= maxTicks, 52);
}
