namespace ProgressTracker.Imaging.Measurement;

/// <summary>A point of a side contour: image row <see cref="Y"/> and how far out the contour lies there (pixels).</summary>
public readonly record struct ContourPoint(double Y, double Out);

/// <summary>
/// The deepest inward curve of one side's contour: the line that bridges the concavity between two bulges (an edge
/// of the contour's convex hull on the outward side), the largest perpendicular distance from that line to the
/// contour, and the area between them. Coordinates are (row, outwardness), so the same code serves the left side
/// (outward = −x), the right side (outward = +x) and a lateral view's back profile.
/// </summary>
public sealed record ConvexityDefect(ContourPoint Upper, ContourPoint Lower, ContourPoint Deepest, double Depth, double Area)
{
    /// <summary>
    /// The defect of the contour <paramref name="points"/> (sorted by row, at least three) under its outward hull.
    /// The bridging edge chosen is the one with the largest perpendicular depth; a contour that bulges everywhere
    /// has depth 0 (then the bridge is the chord of the whole window).
    /// </summary>
    public static ConvexityDefect Of(IReadOnlyList<ContourPoint> points) =>
        All(points).MaxBy(d => d.Depth) ?? new ConvexityDefect(points[0], points[^1], points[0], 0, 0);

    /// <summary>Every concavity under the outward hull, top to bottom (one per hull edge that spans a gap).</summary>
    public static IReadOnlyList<ConvexityDefect> All(IReadOnlyList<ContourPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 3) throw new ArgumentException("A contour needs at least three points.", nameof(points));
        var hull = OutwardHull(points);
        var defects = new List<ConvexityDefect>();
        for (var h = 0; h + 1 < hull.Count; h++)
        {
            int from = hull[h], to = hull[h + 1];
            if (to - from >= 2) defects.Add(Bridge(points, from, to));
        }
        return defects;
    }

    /// <summary>Indices of the upper hull of (Y, Out): the smallest concave function lying on or above every point.</summary>
    private static List<int> OutwardHull(IReadOnlyList<ContourPoint> points)
    {
        var hull = new List<int>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            // Drop the last hull point while it lies on or under the chord from the one before it to point i.
            while (hull.Count >= 2 && Cross(points[hull[^2]], points[hull[^1]], points[i]) >= 0) hull.RemoveAt(hull.Count - 1);
            hull.Add(i);
        }
        return hull;
    }

    private static double Cross(ContourPoint o, ContourPoint a, ContourPoint b) =>
        (a.Y - o.Y) * (b.Out - o.Out) - (a.Out - o.Out) * (b.Y - o.Y);

    private static ConvexityDefect Bridge(IReadOnlyList<ContourPoint> points, int from, int to)
    {
        ContourPoint upper = points[from], lower = points[to];
        double dy = lower.Y - upper.Y, dout = lower.Out - upper.Out;
        // Gaps are measured along the row (outward); the perpendicular distance is the gap times the cosine of the
        // bridge's angle to the rows' normal, which leaves the result independent of a small tilt of the photo.
        var perpendicular = dy / Math.Sqrt(dy * dy + dout * dout);
        double deepestGap = 0, area = 0;
        var deepest = upper;
        for (var i = from; i < to; i++)
        {
            double g0 = Gap(points[i]), g1 = Gap(points[i + 1]);
            area += 0.5 * (g0 + g1) * (points[i + 1].Y - points[i].Y);
            if (g1 > deepestGap) (deepestGap, deepest) = (g1, points[i + 1]);
        }
        return new ConvexityDefect(upper, lower, deepest, deepestGap * perpendicular, area);

        double Gap(ContourPoint p) => upper.Out + dout * (p.Y - upper.Y) / dy - p.Out;
    }
}
