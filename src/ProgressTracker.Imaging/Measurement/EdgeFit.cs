using OpenCvSharp;

namespace ProgressTracker.Imaging.Measurement;

/// <summary>Which side of the body a contour belongs to; outward is −x on the left of the image and +x on the right.</summary>
internal enum ImageSide { Left = -1, Right = 1 }

/// <summary>
/// One side's contour at full resolution, one value per image row: the edge position found along the contour's
/// normal for each threshold level, the colour contrast across the edge and the colour just inside it.
/// </summary>
internal sealed class FittedSide
{
    public required ImageSide Side { get; init; }
    public required int FirstRow { get; init; }
    /// <summary>[level][row − FirstRow]: x of the edge on that row (NaN where no edge was found).</summary>
    public required double[][] X { get; init; }
    public required double[] Contrast { get; init; }
    public required Vec3d[] Inside { get; init; }
    public int Rows => Contrast.Length;

    /// <summary>Outwardness (−x on the left, +x on the right) of level <paramref name="level"/>, smoothed along the rows.</summary>
    public double[] Out(int level, double sigma)
    {
        var sign = (int)Side;
        // A median of five first: a single row misread where a garment's edge meets the outline must not bend it.
        return Smoothing.Gaussian(Smoothing.Median(X[level], 2).Select(x => sign * x).ToArray(), sigma);
    }
}

/// <summary>
/// Sub-pixel edges along the contour's normals at full resolution. The coarse outline says roughly where the edge
/// is; along each normal the colours are projected onto the line from the outside colour to the inside colour, so
/// the profile runs from 0 (background) to 1 (body) whatever the two colours are, and the edge is where it crosses
/// the threshold level (interpolated between samples). Fitted twice: the second pass is centred on the first's edge.
/// </summary>
internal static class EdgeFit
{
    public static readonly double[] Levels = [0.4, 0.5, 0.6];
    public const int Nominal = 1;
    private const double Step = 0.5;
    private const double InnerOffset = 2.5; // pixels inside the edge where the body's own colour is read

    /// <param name="image">Full-resolution BGR.</param>
    /// <param name="coarse">Outline edges of the side on the coarse grid, per coarse row.</param>
    /// <param name="scale">Full-resolution pixels per coarse pixel.</param>
    public static FittedSide Fit(Mat image, ImageSide side, double[] coarse, double scale, int fromRow, int toRow)
    {
        var smooth = Smoothing.Gaussian(coarse, 1.5);
        var count = Math.Max(0, toRow - fromRow + 1);
        // At full resolution a fit every few rows is as fine as the coarse outline is coarse; the rows between are
        // interpolated (a 12-megapixel photo has over two thousand rows in the band).
        var rowStep = Math.Max(1, (int)Math.Round(scale / 3));
        var sampled = Enumerable.Range(0, count).Where(i => i % rowStep == 0 || i == count - 1).ToArray();
        var rowsY = sampled.Select(i => (double)(fromRow + i)).ToArray();
        var centre = new double[sampled.Length];
        var normals = new (double X, double Y)[sampled.Length];
        for (var k = 0; k < sampled.Length; k++)
        {
            var yc = (rowsY[k] + 0.5) / scale - 0.5;
            var xc = Interpolate(smooth, yc);
            var slope = (Interpolate(smooth, yc + 1) - Interpolate(smooth, yc - 1)) / 2; // dx/dy, same in both grids
            centre[k] = (xc + 0.5) * scale - 0.5;
            var length = Math.Sqrt(1 + slope * slope);
            normals[k] = ((int)side / length, -(int)side * slope / length); // outward
        }

        // A first pass over a wide reach in whole pixels finds the edge; the second, centred on it, fits it finely.
        var first = Profile(image, rowsY, centre, normals, Math.Max(8, 5 * scale), 1.0);
        var recentred = new double[sampled.Length];
        for (var k = 0; k < sampled.Length; k++)
        {
            var t = first.Crossing[Nominal][k];
            recentred[k] = double.IsNaN(t) ? centre[k] : centre[k] + t * normals[k].X;
        }
        var second = Profile(image, rowsY, recentred, normals, Math.Max(6, 2.5 * scale), Step);

        var xs = new double[Levels.Length][];
        for (var l = 0; l < Levels.Length; l++)
        {
            var atSamples = new double[sampled.Length];
            for (var k = 0; k < sampled.Length; k++)
            {
                var t = second.Crossing[l][k];
                // The edge point moves along the normal; on its row it sits where the contour crosses that row.
                atSamples[k] = double.IsNaN(t) ? double.NaN : recentred[k] + t * normals[k].X - t * normals[k].Y * Slope(normals[k]);
            }
            xs[l] = Spread(atSamples, sampled, count);
        }
        var contrast = new double[count];
        var inside = new Vec3d[count];
        for (var i = 0; i < count; i++)
        {
            var k = Math.Min(sampled.Length - 1, i / rowStep);
            (contrast[i], inside[i]) = (second.Contrast[k], second.Inside[k]);
        }
        return new FittedSide { Side = side, FirstRow = fromRow, X = xs, Contrast = contrast, Inside = inside };
    }

    /// <summary>Values known at the sampled rows, linearly interpolated onto every row (NaN where a neighbour is NaN).</summary>
    private static double[] Spread(double[] atSamples, int[] sampled, int count)
    {
        var result = new double[count];
        for (var k = 0; k < sampled.Length; k++)
        {
            result[sampled[k]] = atSamples[k];
            if (k + 1 >= sampled.Length) break;
            int from = sampled[k], to = sampled[k + 1];
            for (var i = from + 1; i < to; i++)
                result[i] = atSamples[k] + (atSamples[k + 1] - atSamples[k]) * (i - from) / (to - from);
        }
        return result;
    }

    /// <summary>dx/dy of the contour whose outward normal is <paramref name="n"/>.</summary>
    private static double Slope((double X, double Y) n) => Math.Abs(n.X) < 1e-9 ? 0 : -n.Y / n.X;

    private sealed record Profiles(double[][] Crossing, double[] Contrast, Vec3d[] Inside);

    private static Profiles Profile(Mat image, double[] rowsY, double[] centre, (double X, double Y)[] normals, double reach, double step)
    {
        var rows = centre.Length;
        var samples = (int)Math.Round(2 * reach / step) + 1;
        var crossing = Levels.Select(_ => Enumerable.Repeat(double.NaN, rows).ToArray()).ToArray();
        var contrast = new double[rows];
        var inside = new Vec3d[rows];
        if (rows == 0) return new Profiles(crossing, contrast, inside);

        using var mapX = new Mat(rows, samples, MatType.CV_32FC1);
        using var mapY = new Mat(rows, samples, MatType.CV_32FC1);
        var mx = new float[rows * samples];
        var my = new float[rows * samples];
        for (var i = 0; i < rows; i++)
        {
            for (var k = 0; k < samples; k++)
            {
                var t = -reach + k * step;
                mx[i * samples + k] = (float)(centre[i] + t * normals[i].X);
                my[i * samples + k] = (float)(rowsY[i] + t * normals[i].Y);
            }
        }
        mapX.SetArray(mx);
        mapY.SetArray(my);
        using var sampled = new Mat();
        Cv2.Remap(image, sampled, mapX, mapY, InterpolationFlags.Linear, BorderTypes.Replicate);
        using var floats = new Mat();
        sampled.ConvertTo(floats, MatType.CV_32FC3);
        // A light blur along the normal only: noise and skin texture, not the edge's position.
        Cv2.GaussianBlur(floats, floats, new Size(5, 1), 1.0, 0.01);
        floats.GetArray(out Vec3f[] colours);

        // The edge is the outermost sharp change of colour along the normal: a cast shadow on the backdrop changes
        // slowly, and a garment's edge or a crease lies further inside. Its two sides are read a little either side
        // of that change, and the threshold levels are crossings of the profile projected between them.
        var offset = (int)Math.Round(InnerOffset / step);
        var p = new double[samples];
        var g = new double[samples];
        for (var i = 0; i < rows; i++)
        {
            var row = colours.AsSpan(i * samples, samples);
            var peak = OutermostEdge(row, g);
            if (peak < 0) continue;
            var inner = Mean(row[Math.Max(0, peak - offset - 2)..Math.Max(1, peak - offset + 1)]);
            var outer = Mean(row[Math.Min(samples - 1, peak + offset)..Math.Min(samples, peak + offset + 3)]);
            var v = (inner.Item0 - outer.Item0, inner.Item1 - outer.Item1, inner.Item2 - outer.Item2);
            var norm2 = v.Item1 * v.Item1 + v.Item2 * v.Item2 + v.Item3 * v.Item3;
            contrast[i] = Math.Sqrt(norm2);
            inside[i] = inner;
            if (norm2 < 1) continue;
            for (var k = 0; k < samples; k++)
            {
                var c = row[k];
                p[k] = ((c.Item0 - outer.Item0) * v.Item1 + (c.Item1 - outer.Item1) * v.Item2 + (c.Item2 - outer.Item2) * v.Item3) / norm2;
            }
            for (var l = 0; l < Levels.Length; l++) crossing[l][i] = Crossing(p, Levels[l], reach, peak, step);
        }
        return new Profiles(crossing, contrast, inside);
    }

    /// <summary>
    /// Index of the outermost local maximum of the colour gradient along the profile that reaches an eighth of the
    /// profile's largest gradient (skin against a pale backdrop is a far weaker edge than skin against dark underwear
    /// just inside it) and stands above the noise; −1 for a flat profile.
    /// </summary>
    private static int OutermostEdge(ReadOnlySpan<Vec3f> row, double[] g)
    {
        var largest = 0.0;
        for (var k = 1; k + 1 < row.Length; k++)
        {
            g[k] = Distance(row[k + 1], row[k - 1]) / 2;
            largest = Math.Max(largest, g[k]);
        }
        if (largest < 1) return -1;
        for (var k = row.Length - 2; k >= 1; k--)
        {
            var before = k > 1 ? g[k - 1] : 0;
            var after = k + 2 < row.Length ? g[k + 1] : 0;
            if (g[k] >= Math.Max(largest / 8, 4) && g[k] >= before && g[k] >= after) return k;
        }
        return -1;
    }

    private static double Distance(Vec3f a, Vec3f b) =>
        Math.Sqrt((a.Item0 - b.Item0) * (a.Item0 - b.Item0) + (a.Item1 - b.Item1) * (a.Item1 - b.Item1) + (a.Item2 - b.Item2) * (a.Item2 - b.Item2));


    /// <summary>Offset along the normal (0 = the profile's centre) of the crossing of <paramref name="level"/> nearest sample <paramref name="near"/>.</summary>
    private static double Crossing(double[] p, double level, double reach, int near, double step)
    {
        var best = double.NaN;
        var nearT = -reach + near * step;
        for (var k = 0; k + 1 < p.Length; k++)
        {
            if ((p[k] - level) * (p[k + 1] - level) > 0 || p[k] == p[k + 1]) continue;
            var t = -reach + (k + (p[k] - level) / (p[k] - p[k + 1])) * step;
            if (double.IsNaN(best) || Math.Abs(t - nearT) < Math.Abs(best - nearT)) best = t;
        }
        return best;
    }

    private static Vec3d Mean(ReadOnlySpan<Vec3f> values)
    {
        double b = 0, g = 0, r = 0;
        foreach (var v in values) (b, g, r) = (b + v.Item0, g + v.Item1, r + v.Item2);
        var n = Math.Max(1, values.Length);
        return new Vec3d(b / n, g / n, r / n);
    }

    private static double Interpolate(double[] values, double at)
    {
        var i = (int)Math.Floor(at);
        if (i < 0) return values[0];
        if (i >= values.Length - 1) return values[^1];
        var f = at - i;
        double a = values[i], b = values[i + 1];
        if (double.IsNaN(a)) return b;
        if (double.IsNaN(b)) return a;
        return a + (b - a) * f;
    }
}
