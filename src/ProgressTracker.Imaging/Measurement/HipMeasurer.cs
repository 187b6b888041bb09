using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;

namespace ProgressTracker.Imaging.Measurement;

/// <summary>
/// Measures the hip dip on a photo's upright master: the silhouette gives a coarse outline, the waist and hips frame
/// the measured band, the contour is fitted at full resolution, each side's convexity defect is measured under small
/// changes of the method, and a photo that any check rules out, or whose answers disagree, is not measurable.
/// </summary>
public static class HipMeasurer
{
    /// <summary>Bump when a change alters results: stored measurements of an older version are redone in the background.</summary>
    public const int MethodVersion = 1;
    public const double ConfidenceThreshold = 0.5;
    /// <summary>Depth spread (% of hip breadth) at which the confidence falls to one half.</summary>
    public const double SpreadAtHalfConfidence = 0.3;
    private const int WorkEdge = 480; // the coarse outline only seeds the full-resolution edge fit
    private const double MinimumAlignmentScore = 0.6;

    /// <summary>Measures an encoded master (the upright sRGB JPEG processing writes).</summary>
    /// <exception cref="ArgumentException">The master cannot be decoded.</exception>
    public static HipMeasurement Measure(byte[] master, MeasurementContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var image = EncodedImage.Decode(master, nameof(master), "The photo's processed image");
        return Measure(image, context, ct);
    }

    internal static HipMeasurement Measure(Mat image, MeasurementContext context, CancellationToken ct)
    {
        var view = context.View.Trim().ToLowerInvariant();
        if (view.EndsWith("-oblique", StringComparison.Ordinal)) return Refuse(MeasurementReasons.ObliqueView);
        if (view is not ("front" or "back" or "left-lateral" or "right-lateral")) return Refuse(MeasurementReasons.UnknownView);
        if (context.Alignment is { } alignment && (!alignment.Confirmed || alignment.Score < MinimumAlignmentScore))
            return Refuse(MeasurementReasons.PoseDiffers);

        var scale = Math.Max(1.0, (double)Math.Max(image.Width, image.Height) / WorkEdge);
        using var work = new Mat();
        Cv2.Resize(image, work, new Size((int)Math.Round(image.Width / scale), (int)Math.Round(image.Height / scale)), 0, 0,
            InterpolationFlags.Area);
        scale = (double)image.Width / work.Width;
        BodyOutline outline;
        using (var silhouette = SilhouetteSegmenter.Segment(work)) outline = BodyOutline.Trace(silhouette.Mask);
        ct.ThrowIfCancellationRequested();

        var (levels, shapeReason) = HipLevels.Find(outline);
        if (levels is null) return Refuse(shapeReason!);
        if ((PhotoChecks.LeavesFrame(outline, levels) ?? PhotoChecks.TouchingObject(work, outline, levels)) is { } reason) return Refuse(reason);

        var measured = view.EndsWith("-lateral", StringComparison.Ordinal)
            ? LateralMeasurer.Measure(image, outline, levels, scale, backIsImageRight: view == "left-lateral")
            : FrontBackMeasurer.Measure(image, outline, levels, scale, patientLeftIsImageRight: view == "front");
        ct.ThrowIfCancellationRequested();
        if (measured.Left is null && measured.Right is null) return Refuse(measured.Reason!, measured.Overlay);

        var spread = Math.Max(measured.Left?.SpreadPct ?? 0, measured.Right?.SpreadPct ?? 0);
        var confidence = Confidence(spread);
        // A check that rules the photo out leaves no confidence in the number, however steady it came out.
        if (measured.Reason is { } ruledOut) return Refuse(ruledOut, measured.Overlay, 0, spread);
        if (confidence < ConfidenceThreshold) return Refuse(MeasurementReasons.Unstable(spread), measured.Overlay, confidence, spread);

        // The marker is looked for only once the photo is measurable (it is a full-resolution search).
        var calibration = context.MarkerSizeMm is { } size and > 0 ? MarkerCalibration.Find(image, size) : new Calibration(null, null);
        var mm = calibration.MillimetresPerPixel;
        return new HipMeasurement(MeasurementStatus.Measured, calibration.Note, MethodVersion, Math.Round(confidence, 3),
            mm is null ? MeasurementUnits.Relative : MeasurementUnits.Millimetres,
            Math.Round(measured.HipBreadth, 1), Math.Round(measured.WaistBreadth, 1), Math.Round(measured.WaistBreadth / measured.HipBreadth, 3),
            mm, Side(measured.Left, mm), Side(measured.Right, mm), Math.Round(spread, 3), measured.Overlay);
    }

    private static SideMeasurement? Side(SideResult? side, double? mm)
    {
        if (side is null) return null;
        return new SideMeasurement(Math.Round(side.DepthPct, 3), Math.Round(side.AreaPct, 4), Math.Round(side.Defect.Depth, 2),
            Math.Round(side.Defect.Area, 1), mm is { } k ? Math.Round(side.Defect.Depth * k, 2) : null,
            mm is { } a ? Math.Round(side.Defect.Area * a * a, 1) : null, Math.Round(side.SpreadPct, 3),
            side.ProjectionPct is { } p ? Math.Round(p, 3) : null);
    }

    /// <summary>1 when every variant agrees, one half at <see cref="SpreadAtHalfConfidence"/>, falling towards 0 beyond.</summary>
    public static double Confidence(double spreadPct) => 1 / (1 + Math.Pow(spreadPct / SpreadAtHalfConfidence, 2));

    private static HipMeasurement Refuse(string reason, MeasurementOverlay? overlay = null, double confidence = 0, double? spread = null) =>
        new(MeasurementStatus.NotMeasurable, reason, MethodVersion, Math.Round(confidence, 3), MeasurementUnits.Relative,
            null, null, null, null, null, null, spread is { } s ? Math.Round(s, 3) : null, overlay);
}
