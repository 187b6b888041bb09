using System.Globalization;
using System.Text;

namespace ProgressTracker.Web.Features.Measurements;

/// <summary>The series as CSV: one row per photo, invariant culture, for spreadsheets and statistics packages.</summary>
public static class MeasurementCsv
{
    private static readonly string[] Header =
    [
        "photo_id", "visit_id", "date", "weeks_since_first_session", "view", "status", "reason", "method_version",
        "confidence", "units", "hip_breadth_px", "waist_breadth_px", "waist_to_hip", "left_depth_pct", "left_area_pct",
        "left_depth_mm", "left_area_mm2", "right_depth_pct", "right_area_pct", "right_depth_mm", "right_area_mm2",
        "left_projection_pct", "right_projection_pct", "spread_pct", "minimal_detectable_change_pct",
    ];

    public static string Write(MeasurementSeriesDto series)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', Header));
        foreach (var p in series.Points)
        {
            var m = p.Measurements;
            string?[] cells =
            [
                p.PhotoId.ToString(), p.VisitId.ToString(), p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Number(p.WeeksSinceFirstSession), series.View, m?.Status, m?.Reason, Number(m?.MethodVersion),
                Number(m?.Confidence), m?.Units, Number(m?.HipBreadthPx), Number(m?.WaistBreadthPx), Number(m?.WaistToHip),
                Number(m?.Left?.DepthPct), Number(m?.Left?.AreaPct), Number(m?.Left?.DepthMm), Number(m?.Left?.AreaMm2),
                Number(m?.Right?.DepthPct), Number(m?.Right?.AreaPct), Number(m?.Right?.DepthMm), Number(m?.Right?.AreaMm2),
                Number(m?.Left?.ProjectionPct), Number(m?.Right?.ProjectionPct), Number(m?.SpreadPct),
                Number(series.MinimalDetectableChangePct),
            ];
            csv.AppendLine(string.Join(',', cells.Select(Cell)));
        }
        return csv.ToString();
    }

    private static string? Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);
    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs a cell as a formula.</summary>
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '@' or '-' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
