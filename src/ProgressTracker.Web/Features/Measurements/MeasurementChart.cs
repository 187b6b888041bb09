namespace ProgressTracker.Web.Features.Measurements;

/// <summary>One side's value at one photo, with the band it is uncertain by (same unit as the value).</summary>
public sealed record ChartValue(double Value, double Uncertainty);

/// <summary>One photo on the chart: its place in the course and both sides' values (null when not measured).</summary>
public sealed record ChartPoint(Guid PhotoId, DateOnly Date, int Day, int Week, ChartValue? Left, ChartValue? Right,
    string Status, string? Reason, double? Confidence);

/// <summary>A treatment session drawn as a vertical line.</summary>
public sealed record ChartSession(int Day, DateOnly Date, string Label);

/// <summary>
/// The chart of one view's series, server-rendered as SVG: dip depth of the patient's left and right side over
/// the course, sessions, an uncertainty band per point and the minimal detectable change around the first value.
/// Values are % of hip breadth, or mm when every measured photo was calibrated by a marker.
/// </summary>
public sealed class MeasurementChart
{
    public required string View { get; init; }
    public required string ViewName { get; init; }
    public required bool ForPatient { get; init; }
    public required string CsvHref { get; init; }
    public required bool Millimetres { get; init; }
    public required IReadOnlyList<ChartPoint> Points { get; init; }
    public required IReadOnlyList<ChartSession> Sessions { get; init; }

    /// <summary>The minimal detectable change in the chart's unit (null until a photo is measured).</summary>
    public double? Mdc { get; init; }

    public string Unit => Millimetres ? "mm" : "% of hip breadth";
    public string UnitShort => Millimetres ? "mm" : "%";
    public bool HasMeasured => Points.Any(p => p.Left is not null || p.Right is not null);
    public IEnumerable<ChartPoint> NotMeasured => Points.Where(p => p.Left is null && p.Right is null);

    public string LeftName => ForPatient ? "Your left hip" : "Left (patient's)";
    public string RightName => ForPatient ? "Your right hip" : "Right (patient's)";

    public string DateLabel(ChartPoint p) => ForPatient ? (p.Week == 0 ? "Start" : $"Week {p.Week}") : $"{p.Date:d MMM yyyy}";

    public string NoiseLine => Mdc is { } mdc
        ? ForPatient
            ? $"Lower means a shallower dip. Changes inside the shaded zone (smaller than {Format(mdc)} {UnitShort}) may just be measurement noise."
            : $"Lower is shallower. Changes smaller than {Format(mdc)} {Unit} may be measurement noise (the shaded zone around the first value)."
        : "";

    public static string Format(double value) => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    public static MeasurementChart From(MeasurementSeriesDto series, string csvHref, bool forPatient)
    {
        var measured = series.Points.Select(p => p.Measurements).Where(m => m is { IsMeasured: true }).ToList();
        var mm = measured.Count > 0 && measured.All(m => m!.Units == "mm" && m.Left?.DepthMm is not null && m.Right?.DepthMm is not null);
        var start = series.Sessions.FirstOrDefault()?.Date ?? series.Points.FirstOrDefault()?.Date ?? default;
        // One standard deviation is at least what the series' MDC implies for a single photo.
        var sdFloor = series.MinimalDetectableChangePct is { } m0 ? m0 / (1.96 * Math.Sqrt(2)) : 0;
        // mm per % of hip breadth, from the first calibrated photo, to put the MDC in mm.
        var mmPerPct = mm ? measured[0]!.Left!.DepthMm!.Value / Math.Max(measured[0]!.Left!.DepthPct, 1e-9) : 1;

        ChartValue? Side(SideMeasurementDto? s)
        {
            if (s is null) return null;
            var band = Math.Max(s.SpreadPct / 2, sdFloor);
            return mm ? new ChartValue(s.DepthMm!.Value, band * s.DepthMm.Value / Math.Max(s.DepthPct, 1e-9))
                : new ChartValue(s.DepthPct, band);
        }

        var points = series.Points.Select(p =>
        {
            var m = p.Measurements ?? MeasurementDto.Waiting;
            var day = p.Date.DayNumber - start.DayNumber;
            var ok = m.IsMeasured;
            var reason = m.Status switch
            {
                MeasurementDto.Pending => "Not measured yet: the photo is still being processed.",
                _ => m.Reason,
            };
            return new ChartPoint(p.PhotoId, p.Date, day, (int)Math.Floor(day / 7.0), ok ? Side(m.Left) : null,
                ok ? Side(m.Right) : null, m.Status, ok ? null : reason, m.Confidence);
        }).ToList();
        var sessions = series.Sessions.Select((s, i) => new ChartSession(s.Date.DayNumber - start.DayNumber, s.Date,
            $"session {s.SessionNumber ?? i + 1}")).ToList();
        return new MeasurementChart
        {
            View = series.View, ViewName = ViewNames.Of(series.View), ForPatient = forPatient, CsvHref = csvHref,
            Millimetres = mm, Points = points, Sessions = sessions,
            Mdc = series.MinimalDetectableChangePct is { } mdc ? mdc * mmPerPct : null,
        };
    }

    /// <summary>The views the chart is drawn for: the dip shows on front and back views (a lateral view has its own numbers on the photo).</summary>
    public static readonly PhotoView[] MeasuredViews = [PhotoView.Front, PhotoView.Back];

    private static class ViewNames
    {
        public static string Of(string kebab) => EnumNames.TryParse<PhotoView>(kebab, out var v) ? DisplayNames.Of(v) : kebab;
    }
}
