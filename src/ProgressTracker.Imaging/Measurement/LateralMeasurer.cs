using OpenCvSharp;

namespace ProgressTracker.Imaging.Measurement;

/// <summary>
/// Lateral views: the back profile from the waist over the buttock to the upper thigh. Its projection is how far
/// the buttock stands out beyond the line from the lower back (at the waist) to the back of the thigh; its concavity
/// is the convexity defect of that profile bounded by bulges inside the photo (the gluteal fold), measured the same way as a front view's dip (windows, smoothing and edge
/// thresholds varied; the spread is the confidence). "Breadth" here is the body's depth front to back.
/// </summary>
internal static class LateralMeasurer
{
    private static readonly double[] StartFractions = [0.03, 0.05, 0.07]; // of waist→buttock, below the waist
    private static readonly double[] EndFractions = [0.67, 0.7, 0.73]; // of waist→buttock, below the buttock
    private static readonly double[] SigmaFractions = [0.002, 0.004, 0.008]; // of body depth
    private const int NominalVariant = 1;

    /// <param name="backIsImageRight">A left lateral faces the image's left, so its back is on the image's right.</param>
    public static Measured Measure(Mat image, BodyOutline outline, HipLevels levels, double scale, bool backIsImageRight)
    {
        int waist = FrontBackMeasurer.Full(levels.Waist, scale), buttock = FrontBackMeasurer.Full(levels.Hips, scale);
        var gap = buttock - waist;
        var last = Math.Min(image.Height - 1, buttock + (int)Math.Ceiling(EndFractions[^1] * gap));
        var front = EdgeFit.Fit(image, backIsImageRight ? ImageSide.Left : ImageSide.Right,
            backIsImageRight ? outline.Left : outline.Right, scale, waist, last);
        var back = EdgeFit.Fit(image, backIsImageRight ? ImageSide.Right : ImageSide.Left,
            backIsImageRight ? outline.Right : outline.Left, scale, waist, last);
        if (PhotoChecks.LowContrast(front, back) is { } faint) return Measured.Refused(faint);
        var coarseDepth = outline.Breadth(levels.Hips) * scale;

        var variants = new List<(ConvexityDefect Defect, double Projection, double Depth, bool Nominal)>();
        List<ContourPoint>? nominalWindow = null;
        for (var l = 0; l < EdgeFit.Levels.Length; l++)
        {
            for (var s = 0; s < SigmaFractions.Length; s++)
            {
                var sigma = SigmaFractions[s] * coarseDepth;
                double[] outBack = back.Out(l, sigma), outFront = front.Out(l, sigma);
                var depth = FrontBackMeasurer.HipBreadth(outFront, outBack, gap - gap / 7, gap + gap / 7);
                if (double.IsNaN(depth)) return Measured.Refused(MeasurementReasons.LowContrast);
                for (var a = 0; a < StartFractions.Length; a++)
                {
                    for (var b = 0; b < EndFractions.Length; b++)
                    {
                        var from = waist + (int)Math.Round(StartFractions[a] * gap);
                        var to = Math.Min(last, buttock + (int)Math.Round(EndFractions[b] * gap));
                        var points = FrontBackMeasurer.Points(outBack, waist, from, to);
                        if (points.Count < 3) return Measured.Refused(MeasurementReasons.LowContrast);
                        var nominal = l == EdgeFit.Nominal && s == NominalVariant && a == NominalVariant && b == NominalVariant;
                        if (nominal) nominalWindow = points;
                        variants.Add((BelowTheButtock(points), Projection(points), depth, nominal));
                    }
                }
            }
        }

        var pct = variants.Select(v => 100 * v.Defect.Depth / v.Depth).ToArray();
        var projections = variants.Select(v => 100 * v.Projection / v.Depth).ToArray();
        var chosen = variants.Single(v => v.Nominal);
        // The projection depends on where its chord ends by definition (it is reported for the nominal window); the
        // confidence comes from the concavity, which a steady outline keeps steady.
        var spread = pct.Max() - pct.Min();
        var result = new SideResult(chosen.Defect, 100 * chosen.Defect.Depth / chosen.Depth,
            100 * chosen.Defect.Area / (chosen.Depth * chosen.Depth), spread, 100 * chosen.Projection / chosen.Depth);
        var problem = PhotoChecks.SomethingOnTheOutline(back, waist, last, chosen.Depth);
        var overlay = Overlay(image, back, chosen.Defect, backIsImageRight);
        // A left lateral shows the patient's left side.
        return backIsImageRight
            ? new Measured(problem, chosen.Depth, WaistDepth(front, back, gap), result, null, overlay)
            : new Measured(problem, chosen.Depth, WaistDepth(front, back, gap), null, result, overlay);
    }

    /// <summary>
    /// The deepest concavity bounded by bulges on both sides inside the window (the gluteal fold between the buttock
    /// and the back of the thigh). A curve that runs on out of the window (the lower back above, a thigh that keeps
    /// widening below) has no second bulge in the photo, so its depth would only say where the window ended.
    /// </summary>
    private static ConvexityDefect BelowTheButtock(IReadOnlyList<ContourPoint> points)
    {
        double start = points[0].Y, end = points[^1].Y;
        return ConvexityDefect.All(points).Where(d => d.Upper.Y > start && d.Lower.Y < end).MaxBy(d => d.Depth)
            ?? new ConvexityDefect(points[^1], points[^1], points[^1], 0, 0);
    }

    /// <summary>The largest perpendicular distance by which the profile stands out beyond the chord over the window.</summary>
    private static double Projection(IReadOnlyList<ContourPoint> points)
    {
        ContourPoint top = points[0], bottom = points[^1];
        double dy = bottom.Y - top.Y, dout = bottom.Out - top.Out;
        var perpendicular = dy / Math.Sqrt(dy * dy + dout * dout);
        return points.Max(p => p.Out - (top.Out + dout * (p.Y - top.Y) / dy)) * perpendicular;
    }

    private static double WaistDepth(FittedSide front, FittedSide back, int gap)
    {
        var rows = Math.Min(Math.Max(1, gap / 20), back.Rows);
        var values = Enumerable.Range(0, rows).Select(i => Math.Abs(back.X[EdgeFit.Nominal][i] - front.X[EdgeFit.Nominal][i]))
            .Where(double.IsFinite).ToArray();
        return values.Length == 0 ? double.NaN : values.Average();
    }

    private static MeasurementOverlay Overlay(Mat image, FittedSide back, ConvexityDefect d, bool backIsImageRight) =>
        new(image.Width, image.Height, [SideOverlay.Of(back, d, backIsImageRight ? "left" : "right")], null, null);
}
