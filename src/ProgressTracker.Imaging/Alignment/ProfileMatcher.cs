namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// First guess of the photo-to-baseline similarity from the two width profiles alone: try every plausible scale
/// and vertical shift, keep the one whose scaled photo widths best follow the baseline's, then read the horizontal
/// shift and the tilt from how the rows' centres line up. Needs no features and survives framing differences.
/// </summary>
internal static class ProfileMatcher
{
    private const double MinScale = 0.65, MaxScale = 1.55;
    private const double MinOverlap = 0.35; // of the baseline's rows

    /// <summary>Matrix in the two profiles' own pixel coordinates (photo → baseline).</summary>
    public static double[] Estimate(WidthProfile baseline, WidthProfile photo)
    {
        var meanWidth = Math.Max(1, baseline.Width.Average());
        // Coarse grid over everything plausible, then a fine grid around the winner.
        var (scale, shift) = Search(baseline, photo, meanWidth, MinScale, MaxScale, 1.02, -photo.Rows * MaxScale, baseline.Rows, 2);
        (scale, shift) = Search(baseline, photo, meanWidth, scale / 1.03, scale * 1.03, 1.0025, shift - 3, shift + 3, 0.25);
        return WithCentres(baseline, photo, scale, shift);
    }

    private static (double Scale, double Shift) Search(WidthProfile baseline, WidthProfile photo, double meanWidth,
        double minScale, double maxScale, double scaleStep, double minShift, double maxShift, double shiftStep)
    {
        double bestCost = double.MaxValue, bestScale = 1, bestShift = 0;
        for (var scale = minScale; scale <= maxScale; scale *= scaleStep)
        {
            for (var shift = minShift; shift <= maxShift; shift += shiftStep)
            {
                var cost = Cost(baseline, photo, scale, shift, meanWidth);
                if (cost < bestCost) (bestCost, bestScale, bestShift) = (cost, scale, shift);
            }
        }
        return (bestScale, bestShift);
    }

    /// <summary>Mean width mismatch over the overlapping rows, in units of the baseline's mean width.</summary>
    private static double Cost(WidthProfile baseline, WidthProfile photo, double scale, double shift, double meanWidth)
    {
        int from = Math.Max(0, (int)Math.Ceiling(shift)), to = Math.Min(baseline.Rows - 1, (int)Math.Floor(shift + (photo.Rows - 1) * scale));
        if (to - from + 1 < MinOverlap * baseline.Rows) return double.MaxValue;
        double sum = 0;
        for (var y = from; y <= to; y++) sum += Math.Abs(baseline.Width[y] - scale * Sample(photo.Width, (y - shift) / scale));
        return sum / (to - from + 1) / meanWidth;
    }

    /// <summary>Least-squares line through (photo row, baseline centre − scaled photo centre): tilt and shift.</summary>
    private static double[] WithCentres(WidthProfile baseline, WidthProfile photo, double scale, double shift)
    {
        double n = 0, sy = 0, sr = 0, syy = 0, syr = 0, sx = 0;
        for (var y = 0; y < baseline.Rows; y++)
        {
            var py = (y - shift) / scale;
            if (py < 0 || py > photo.Rows - 1) continue;
            var pc = photo.Centre[(int)Math.Round(py)];
            if (double.IsNaN(baseline.Centre[y]) || double.IsNaN(pc)) continue;
            var residual = baseline.Centre[y] - scale * pc;
            (n, sy, sr, syy, syr, sx) = (n + 1, sy + py, sr + residual, syy + py * py, syr + py * residual, sx + pc);
        }
        if (n < 2) return Affine.Similarity(scale, 0, 0, shift);
        var denominator = n * syy - sy * sy;
        var slope = Math.Abs(denominator) < 1e-9 ? 0 : (n * syr - sy * sr) / denominator;
        var intercept = (sr - slope * sy) / n;
        // x_b ≈ s·x_p + s·θ·y_p + tx for a small turn θ.
        var theta = Math.Clamp(slope / scale, -0.3, 0.3);
        // The matched rows are those at the body's middle; the turn moves rows there by −s·θ·x.
        return Affine.Similarity(scale, theta, intercept, shift + scale * theta * sx / n);
    }

    private static double Sample(double[] values, double at)
    {
        var i = (int)Math.Floor(at);
        if (i < 0) return values[0];
        if (i >= values.Length - 1) return values[^1];
        var t = at - i;
        return values[i] * (1 - t) + values[i + 1] * t;
    }
}
