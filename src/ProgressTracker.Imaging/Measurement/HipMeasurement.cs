namespace ProgressTracker.Imaging.Measurement;

public enum MeasurementStatus { Measured, NotMeasurable }

public enum MeasurementUnits { Relative, Millimetres }

/// <summary>
/// One side's dip. Depth is the largest perpendicular distance from the contour to the line bridging the concavity
/// between the upper (iliac) and lower (trochanter) bulges, as % of hip breadth; area is the area between that line
/// and the contour, as % of hip breadth squared. <see cref="SpreadPct"/> is how far the depth moved (max − min, in %
/// of hip breadth) under small changes of the window, the smoothing and the edge threshold. For a lateral view,
/// <see cref="ProjectionPct"/> is how far the buttock stands out beyond the line from the lower back to the thigh.
/// </summary>
public sealed record SideMeasurement(
    double DepthPct, double AreaPct, double DepthPx, double AreaPx2, double? DepthMm, double? AreaMm2, double SpreadPct,
    double? ProjectionPct = null);

public readonly record struct OverlayPoint(double X, double Y);

/// <summary>What was measured on one side, in the photo's master pixels, so it can be drawn over the photo.</summary>
public sealed record SideOverlay(string Side, IReadOnlyList<OverlayPoint> Contour, OverlayPoint BridgeUpper,
    OverlayPoint BridgeLower, OverlayPoint Deepest, OverlayPoint DeepestFoot)
{
    /// <summary>The fitted contour (about 120 points), the bridge and the depth line of one side's defect.</summary>
    internal static SideOverlay Of(FittedSide fitted, ConvexityDefect defect, string patientSide)
    {
        var sign = (int)fitted.Side;
        OverlayPoint At(ContourPoint p) => new(sign * p.Out, p.Y);
        var contour = new List<OverlayPoint>();
        var step = Math.Max(1, fitted.Rows / 120);
        for (var r = 0; r < fitted.Rows; r += step)
        {
            var x = fitted.X[EdgeFit.Nominal][r];
            if (!double.IsNaN(x)) contour.Add(new OverlayPoint(Math.Round(x, 1), fitted.FirstRow + r));
        }
        // The foot of the perpendicular from the deepest point to the bridge.
        var (u, l, p) = (At(defect.Upper), At(defect.Lower), At(defect.Deepest));
        double dx = l.X - u.X, dy = l.Y - u.Y, len2 = Math.Max(1e-9, dx * dx + dy * dy);
        var t = ((p.X - u.X) * dx + (p.Y - u.Y) * dy) / len2;
        return new SideOverlay(patientSide, contour, u, l, p, new OverlayPoint(u.X + t * dx, u.Y + t * dy));
    }
}

public sealed record MeasurementOverlay(int Width, int Height, IReadOnlyList<SideOverlay> Sides,
    IReadOnlyList<OverlayPoint>? HipLine, IReadOnlyList<OverlayPoint>? WaistLine);

/// <summary>
/// The measured hip contour of one photo, or why it cannot be measured. Sides are the patient's: on a front view
/// the patient's left is the image's right. <see cref="Confidence"/> runs from 0 to 1 and comes from the measured
/// spread; below <see cref="HipMeasurer.ConfidenceThreshold"/> the status is not-measurable and side values are null.
/// </summary>
public sealed record HipMeasurement(
    MeasurementStatus Status, string? Reason, int MethodVersion, double Confidence, MeasurementUnits Units,
    double? HipBreadthPx, double? WaistBreadthPx, double? WaistToHip, double? MillimetresPerPixel,
    SideMeasurement? Left, SideMeasurement? Right, double? SpreadPct, MeasurementOverlay? Overlay);

/// <summary>What the measurement needs to know beyond the pixels.</summary>
/// <param name="View">front, back, left-lateral, right-lateral (oblique views are not measured).</param>
/// <param name="MarkerSizeMm">Side length of the printed calibration marker, when the clinic uses one.</param>
/// <param name="Alignment">How the photo maps onto its baseline; null for the baseline itself.</param>
public sealed record MeasurementContext(string View, double? MarkerSizeMm = null, AlignmentToBaseline? Alignment = null);

/// <param name="Confirmed">The alignment was accepted (automatically or by a clinician), not awaiting review.</param>
/// <param name="Score">0–1 agreement of the registered photo with its baseline; null for a manual alignment.</param>
public sealed record AlignmentToBaseline(bool Confirmed, double? Score, string? Reason);
