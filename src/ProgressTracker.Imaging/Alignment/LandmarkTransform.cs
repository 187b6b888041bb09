using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// The manual override: a similarity (turn, uniform scale, shift) from landmark pairs a clinician clicked on the
/// photo and on the baseline, e.g. iliac crest, greater trochanter, knee. Two pairs fix it exactly; more are fitted
/// by least squares so one slightly misplaced click is averaged out.
/// </summary>
public static class LandmarkTransform
{
    private const double MinScale = 0.2, MaxScale = 5;
    private const double MinSeparation = 1.0; // px: closer clicks are the same point

    /// <param name="pairs">The same point clicked on the photo's master and on the baseline's master, in their pixels.</param>
    /// <returns>Matrix <c>[a, b, tx, c, d, ty]</c> mapping photo master pixels onto baseline master pixels.</returns>
    /// <exception cref="ArgumentException">The pairs do not fix a plausible similarity; the message says what to fix.</exception>
    public static double[] FromLandmarks(IReadOnlyList<LandmarkPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return FromLandmarks(pairs.Select(p => (new Point2d(p.PhotoX, p.PhotoY), new Point2d(p.BaselineX, p.BaselineY))).ToList());
    }

    /// <returns>Matrix <c>[a, b, tx, c, d, ty]</c> mapping photo master pixels onto baseline master pixels.</returns>
    internal static double[] FromLandmarks(IReadOnlyList<(Point2d Photo, Point2d Baseline)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count < 2)
            throw new ArgumentException($"At least 2 landmark pairs are needed to align a photo; got {pairs.Count}.", nameof(pairs));
        for (var i = 0; i < pairs.Count; i++)
        {
            if (!Finite(pairs[i].Photo) || !Finite(pairs[i].Baseline))
                throw new ArgumentException($"Landmark {i + 1} has a coordinate that is not a number.", nameof(pairs));
        }
        RejectCoincident(pairs.Select(p => p.Photo).ToList(), "photo");
        RejectCoincident(pairs.Select(p => p.Baseline).ToList(), "baseline");

        // Least squares for x' = a·x + b·y + tx, y' = −b·x + a·y + ty on centred coordinates (closed form).
        Point2d pc = Mean(pairs.Select(p => p.Photo)), bc = Mean(pairs.Select(p => p.Baseline));
        double norm = 0, sa = 0, sb = 0;
        foreach (var (photo, baseline) in pairs)
        {
            double px = photo.X - pc.X, py = photo.Y - pc.Y, qx = baseline.X - bc.X, qy = baseline.Y - bc.Y;
            norm += px * px + py * py;
            sa += px * qx + py * qy;
            sb += py * qx - px * qy;
        }
        double a = sa / norm, b = sb / norm;
        var scale = Math.Sqrt(a * a + b * b);
        if (!(scale >= MinScale && scale <= MaxScale))
            throw new ArgumentException(
                $"The landmarks imply the photo is {scale:0.00}× the baseline's size (allowed {MinScale}–{MaxScale}×): " +
                "check that each pair marks the same point on both photos.", nameof(pairs));
        return [a, b, bc.X - (a * pc.X + b * pc.Y), -b, a, bc.Y - (-b * pc.X + a * pc.Y)];
    }

    private static void RejectCoincident(List<Point2d> points, string where)
    {
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = i + 1; j < points.Count; j++)
            {
                if (Math.Abs(points[i].X - points[j].X) < MinSeparation && Math.Abs(points[i].Y - points[j].Y) < MinSeparation)
                    throw new ArgumentException(
                        $"Landmarks {i + 1} and {j + 1} are at the same place on the {where}; mark distinct points.", "pairs");
            }
        }
    }

    private static bool Finite(Point2d p) => double.IsFinite(p.X) && double.IsFinite(p.Y);

    private static Point2d Mean(IEnumerable<Point2d> points)
    {
        var list = points.ToList();
        return new Point2d(list.Average(p => p.X), list.Average(p => p.Y));
    }
}

/// <summary>One landmark marked on the photo (<c>PhotoX, PhotoY</c>) and on the baseline, in master pixels.</summary>
public readonly record struct LandmarkPair(double PhotoX, double PhotoY, double BaselineX, double BaselineY);
