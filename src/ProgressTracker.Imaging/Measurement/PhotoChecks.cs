using OpenCvSharp;

namespace ProgressTracker.Imaging.Measurement;

/// <summary>
/// The things that make a hip contour untrustworthy even when the geometry gives a steady number: each returns a
/// reason for the clinician, or null when the photo passes.
/// </summary>
internal static class PhotoChecks
{
    private const double MinimumContrast = 18; // BGR distance between the colours on either side of the edge
    private const double MaximumSteepness = 1.5; // |dx/dy| of the coarse outline; a hip contour stays under 1
    private const double GarmentStep = 25; // BGR distance between colours just above and below a garment's edge
    private const double StepLimit = 0.015; // of hip breadth: a sideways step of the outline no hip makes
    private const double MarkedConcavity = 0.005; // of hip breadth
    private const double ProtrusionLimit = 0.02; // of hip breadth: further out than any iliac bulge stands

    /// <summary>The body touches the image's left or right edge between the waist and below the hips.</summary>
    public static string? LeavesFrame(BodyOutline outline, HipLevels levels)
    {
        var last = Math.Min(outline.Rows - 1, levels.Hips + levels.Gap / 2);
        for (var y = levels.Waist; y <= last; y++)
        {
            if (!outline.Has(y)) continue;
            if (outline.Left[y] <= 1 || outline.Right[y] >= outline.Width - 2) return MeasurementReasons.LeavesFrame;
        }
        return null;
    }

    /// <summary>
    /// Something joins the outline between the waist and below the trochanter: a near-horizontal stretch of the
    /// outline (a jump from one row to the next) that a hip never has. Where the colour just inside the outline also
    /// changes abruptly at that row it is a garment's edge standing off the body (a loose hem); otherwise a hand, a
    /// forearm or an elbow.
    /// </summary>
    public static string? TouchingObject(Mat work, BodyOutline outline, HipLevels levels)
    {
        var from = Math.Max(1, levels.Waist + levels.Gap / 5);
        var to = Math.Min(outline.Rows - 2, levels.Hips + levels.Gap / 3);
        foreach (var (edge, inward) in new[] { (outline.Left, 1), (outline.Right, -1) })
        {
            var smooth = Smoothing.Gaussian(edge, 1);
            for (var y = from; y <= to; y++)
            {
                var slope = (smooth[y + 1] - smooth[y - 1]) / 2;
                if (!double.IsFinite(slope) || Math.Abs(slope) <= MaximumSteepness) continue;
                var depth = Math.Max(2, (int)(0.04 * outline.Breadth(levels.Hips)));
                var reach = Math.Max(2, levels.Gap / 25);
                var above = InsideColour(work, edge, inward, y - reach, y - 2, depth);
                var below = InsideColour(work, edge, inward, y + 2, y + reach, depth);
                // A garment runs on up from its hem in one colour; a hand is a patch with the body above it again.
                var top = InsideColour(work, edge, inward, from, from + reach, depth);
                return Distance(above, below) >= GarmentStep && Distance(above, top) < GarmentStep / 2
                    ? MeasurementReasons.Clothing : MeasurementReasons.HandOrArm;
            }
        }
        return null;
    }

    /// <summary>Mean colour of a short strip just inside the outline over rows <paramref name="from"/>..<paramref name="to"/>.</summary>
    private static Vec3d InsideColour(Mat work, double[] edge, int inward, int from, int to, int depth)
    {
        double b = 0, g = 0, r = 0;
        int n = 0, height = work.Height, width = work.Width;
        for (var y = Math.Max(0, from); y <= Math.Min(height - 1, to); y++)
        {
            if (double.IsNaN(edge[y])) continue;
            for (var k = depth / 2; k <= depth; k++)
            {
                var x = (int)Math.Round(edge[y] + inward * k);
                if (x < 0 || x >= width) continue;
                var c = work.At<Vec3b>(y, x);
                (b, g, r, n) = (b + c.Item0, g + c.Item1, r + c.Item2, n + 1);
            }
        }
        return n == 0 ? new Vec3d(0, 0, 0) : new Vec3d(b / n, g / n, r / n);
    }

    /// <summary>The edge is too faint, or cannot be found on too many rows, on either side.</summary>
    public static string? LowContrast(FittedSide left, FittedSide right)
    {
        foreach (var side in new[] { left, right })
        {
            if (side.Rows == 0) return MeasurementReasons.LowContrast;
            var contrast = side.Contrast.Order().ToArray();
            var missing = side.X[EdgeFit.Nominal].Count(double.IsNaN);
            if (contrast[contrast.Length / 2] < MinimumContrast || missing > side.Rows / 10) return MeasurementReasons.LowContrast;
        }
        return null;
    }

    /// <summary>
    /// Something that is not the hip makes the outline step sideways in the measured span: where the colour just
    /// inside the outline also changes abruptly at the step, a garment's edge standing off the body (a loose hem or
    /// waistband); otherwise a hand, forearm or elbow against the hip. A tight brief's edge changes the colour but not
    /// the outline, and passes.
    /// </summary>
    public static string? SomethingOnTheOutline(FittedSide side, int fromRow, int toRow, double hipBreadth)
    {
        var reach = Math.Max(3, (int)Math.Round(0.012 * hipBreadth));
        var x = Smoothing.Median(side.X[EdgeFit.Nominal], 2);
        int from = Math.Max(2 * reach, fromRow - side.FirstRow), to = Math.Min(side.Rows - 1 - 2 * reach, toRow - side.FirstRow);
        for (var i = from; i <= to; i++)
        {
            var outline = OutlineStep(x, i, reach);
            if (!(outline > StepLimit * hipBreadth)) continue;
            // The step is seen from a little before the hem (the lower fit reaches it first): look for the colour change
            // over the rows around it.
            var colour = Enumerable.Range(Math.Max(reach + 2, i - reach), 3 * reach).Where(j => j + reach < side.Rows)
                .Select(j => Distance(MeanColour(side.Inside, j - reach, j - 2), MeanColour(side.Inside, j + 2, j + reach)))
                .DefaultIfEmpty(0).Max();
            // A garment runs on up from its hem, so above the step the outline keeps the colour it has at the top of
            // the span; a hand is a patch, with the body's colour again above it.
            var garmentAbove = Distance(MeanColour(side.Inside, Math.Max(0, i - 3 * reach), Math.Max(0, i - reach)),
                MeanColour(side.Inside, from - 2 * reach, from)) < GarmentStep / 2;
            return colour >= GarmentStep && garmentAbove ? MeasurementReasons.Clothing : MeasurementReasons.HandOrArm;
        }
        return null;
    }

    /// <summary>
    /// A hip has one concavity between its two bulges; a hand or forearm resting against it is a bulge in between that
    /// stands far out beyond the line joining the bulges above and below it.
    /// </summary>
    public static string? Protrusion(IReadOnlyList<ContourPoint> window, double hipBreadth)
    {
        var marked = ConvexityDefect.All(window).Where(d => d.Depth > MarkedConcavity * hipBreadth).ToList();
        for (var i = 0; i + 1 < marked.Count; i++)
        {
            // The hull vertex between two marked concavities, against the chord over both.
            ContourPoint top = marked[i].Upper, bottom = marked[i + 1].Lower, bulge = marked[i].Lower;
            var chord = top.Out + (bottom.Out - top.Out) * (bulge.Y - top.Y) / (bottom.Y - top.Y);
            if (bulge.Out - chord > ProtrusionLimit * hipBreadth) return MeasurementReasons.HandOrArm;
        }
        return null;
    }

    /// <summary>
    /// How far the outline steps sideways at row <paramref name="at"/>: parabolas fitted to the rows just above and just
    /// below, extended to that row, disagree by the step. A bend, even a sharp one at a bulge, leaves them meeting;
    /// a hem standing off the body, or a hand, shifts one of them.
    /// </summary>
    private static double OutlineStep(double[] x, int at, int reach) =>
        Math.Abs(ParabolaAt(x, at - 2 * reach, at - 2, at) - ParabolaAt(x, at + 2, at + 2 * reach, at));

    /// <summary>The least-squares parabola through x[from..to] (NaN skipped), evaluated at <paramref name="at"/>.</summary>
    private static double ParabolaAt(double[] x, int from, int to, int at)
    {
        // Centred on the fitted rows so the normal equations stay well conditioned; sums of t⁰…t⁴ and x·t⁰…x·t².
        var mid = 0.5 * (from + to);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, b0 = 0, b1 = 0, b2 = 0;
        for (var i = from; i <= to; i++)
        {
            if (double.IsNaN(x[i])) continue;
            double t = i - mid, t2 = t * t;
            (s0, s1, s2, s3, s4) = (s0 + 1, s1 + t, s2 + t2, s3 + t2 * t, s4 + t2 * t2);
            (b0, b1, b2) = (b0 + x[i], b1 + x[i] * t, b2 + x[i] * t2);
        }
        if (s0 < 4) return double.NaN;
        // Cramer's rule on [[s0 s1 s2] [s1 s2 s3] [s2 s3 s4]] · c = b.
        var det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
        if (Math.Abs(det) < 1e-9) return double.NaN;
        var c0 = (b0 * (s2 * s4 - s3 * s3) - s1 * (b1 * s4 - s3 * b2) + s2 * (b1 * s3 - s2 * b2)) / det;
        var c1 = (s0 * (b1 * s4 - s3 * b2) - b0 * (s1 * s4 - s3 * s2) + s2 * (s1 * b2 - b1 * s2)) / det;
        var c2 = (s0 * (s2 * b2 - b1 * s3) - s1 * (s1 * b2 - b1 * s2) + b0 * (s1 * s3 - s2 * s2)) / det;
        var u = at - mid;
        return c0 + c1 * u + c2 * u * u;
    }

    private static Vec3d MeanColour(Vec3d[] colours, int from, int to)
    {
        double b = 0, g = 0, r = 0;
        for (var i = from; i <= to; i++) (b, g, r) = (b + colours[i].Item0, g + colours[i].Item1, r + colours[i].Item2);
        var n = to - from + 1;
        return new Vec3d(b / n, g / n, r / n);
    }

    private static double Distance(Vec3d a, Vec3d b) =>
        Math.Sqrt(Math.Pow(a.Item0 - b.Item0, 2) + Math.Pow(a.Item1 - b.Item1, 2) + Math.Pow(a.Item2 - b.Item2, 2));
}
