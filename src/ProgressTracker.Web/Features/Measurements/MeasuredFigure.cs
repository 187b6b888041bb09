using System.Text.Json;
using ProgressTracker.Imaging.Measurement;

namespace ProgressTracker.Web.Features.Measurements;

/// <summary>
/// The latest measured photo of a view with what was measured drawn on it (contour, bridging lines, depths), in the
/// master's pixels: the SVG's view box is the master, the display image is stretched over it, so the lines land where
/// they were measured whatever the display size.
/// </summary>
/// <param name="LinkToPhoto">Staff may open the photo's page; the portal has no such page.</param>
public sealed record MeasuredFigure(string View, Guid PhotoId, DateOnly Date, string ImageHref, MeasurementOverlay Overlay,
    double? LeftDepthPct, double? RightDepthPct, bool LinkToPhoto)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static MeasurementOverlay? ParseOverlay(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<MeasurementOverlay>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>"x,y x,y …" for an SVG polyline.</summary>
    public static string Points(IEnumerable<OverlayPoint> points) =>
        string.Join(' ', points.Select(p => FormattableString.Invariant($"{p.X:0.#},{p.Y:0.#}")));

    public static string N(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
