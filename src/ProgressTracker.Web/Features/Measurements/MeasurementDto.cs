using System.Text.Json;
using System.Text.Json.Serialization;
using ProgressTracker.Imaging.Measurement;

namespace ProgressTracker.Web.Features.Measurements;

/// <summary>
/// One side's dip as the API shows it (see docs: API "Measurements"); on a lateral view only the side shown is set,
/// and <see cref="ProjectionPct"/> is how far the buttock stands out (% of the body's depth).
/// </summary>
public sealed record SideMeasurementDto(double DepthPct, double AreaPct, double? DepthMm, double? AreaMm2, double SpreadPct,
    double? ProjectionPct = null);

/// <summary>
/// <c>Photo.measurements</c>: status pending | measured | not-measurable (then <see cref="Reason"/> says why and the
/// sides are null). Depth is % of hip breadth, area % of hip breadth squared; units "mm" when a marker calibrated the
/// photo (then the millimetre fields are set). <see cref="SpreadPct"/> is the measured disagreement the confidence
/// comes from.
/// </summary>
public sealed record MeasurementDto(
    string Status, string? Reason, int? MethodVersion, double? Confidence, string? Units,
    double? HipBreadthPx, double? WaistBreadthPx, double? WaistToHip, SideMeasurementDto? Left, SideMeasurementDto? Right,
    double? SpreadPct)
{
    public const string Pending = "pending";
    public const string Measured = "measured";
    public const string NotMeasurable = "not-measurable";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static readonly MeasurementDto Waiting = new(Pending, null, null, null, null, null, null, null, null, null, null);

    public bool IsMeasured => Status == Measured;

    public static MeasurementDto From(HipMeasurement m) => new(
        m.Status == MeasurementStatus.Measured ? Measured : NotMeasurable, m.Reason, m.MethodVersion, m.Confidence,
        m.Units == MeasurementUnits.Millimetres ? "mm" : "relative", m.HipBreadthPx, m.WaistBreadthPx, m.WaistToHip,
        Side(m.Left), Side(m.Right), m.SpreadPct);

    /// <summary>Not measurable for a reason outside the photo's pixels (unreadable, not aligned).</summary>
    public static MeasurementDto NotMeasured(string reason, int methodVersion) =>
        new(NotMeasurable, reason, methodVersion, 0, "relative", null, null, null, null, null, null);

    private static SideMeasurementDto? Side(SideMeasurement? s) =>
        s is null ? null : new SideMeasurementDto(s.DepthPct, s.AreaPct, s.DepthMm, s.AreaMm2, s.SpreadPct, s.ProjectionPct);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The stored JSON back; null when nothing (or nothing readable) is stored.</summary>
    public static MeasurementDto? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<MeasurementDto>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What a photo's row says: pending until measured with the current method and alignment.</summary>
    public static MeasurementDto? Of(Domain.PhotoStatus photoStatus, Domain.MeasurementState state, string? result) =>
        photoStatus != Domain.PhotoStatus.Ready ? null
        : state == Domain.MeasurementState.Pending ? Waiting
        : Parse(result) ?? Waiting;
}
