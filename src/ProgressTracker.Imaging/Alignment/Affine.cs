using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// 2×3 affine matrices as <c>[a, b, tx, c, d, ty]</c> (x' = a·x + b·y + tx, y' = c·x + d·y + ty): the shape the
/// API stores. Plain doubles keep the geometry exact and free of native memory.
/// </summary>
internal static class Affine
{
    public static double[] Identity => [1, 0, 0, 0, 1, 0];

    /// <summary>Uniform scale <paramref name="scale"/> and counter-clockwise (on screen) turn, then a shift.</summary>
    public static double[] Similarity(double scale, double radians, double tx, double ty)
    {
        double c = scale * Math.Cos(radians), s = scale * Math.Sin(radians);
        return [c, s, tx, -s, c, ty];
    }

    public static double[] Scaling(double sx, double sy) => [sx, 0, 0, 0, sy, 0];

    /// <summary>The map that applies <paramref name="first"/> and then <paramref name="second"/>.</summary>
    public static double[] Then(this double[] first, double[] second)
    {
        var (f, s) = (first, second);
        return
        [
            s[0] * f[0] + s[1] * f[3], s[0] * f[1] + s[1] * f[4], s[0] * f[2] + s[1] * f[5] + s[2],
            s[3] * f[0] + s[4] * f[3], s[3] * f[1] + s[4] * f[4], s[3] * f[2] + s[4] * f[5] + s[5],
        ];
    }

    public static double[] Invert(double[] m)
    {
        var det = m[0] * m[4] - m[1] * m[3];
        if (Math.Abs(det) < 1e-12) throw new ArgumentException("The matrix is singular.", nameof(m));
        double a = m[4] / det, b = -m[1] / det, c = -m[3] / det, d = m[0] / det;
        return [a, b, -(a * m[2] + b * m[5]), c, d, -(c * m[2] + d * m[5])];
    }

    public static Point2d Apply(this double[] m, Point2d p) => new(m[0] * p.X + m[1] * p.Y + m[2], m[3] * p.X + m[4] * p.Y + m[5]);

    /// <summary>Geometric mean of the two axis scales: the size change an area undergoes.</summary>
    public static double Scale(double[] m) => Math.Sqrt(Math.Abs(m[0] * m[4] - m[1] * m[3]));

    public static double RotationDegrees(double[] m) => Math.Atan2(m[1] - m[3], m[0] + m[4]) * 180 / Math.PI;

    /// <summary>
    /// The similarity closest to <paramref name="m"/> in its linear part, pinned so that it maps
    /// <paramref name="pivot"/> exactly where <paramref name="m"/> does (the body's centre, where it matters most).
    /// </summary>
    public static double[] NearestSimilarity(double[] m, Point2d pivot)
    {
        double p = (m[0] + m[4]) / 2, q = (m[1] - m[3]) / 2;
        var target = m.Apply(pivot);
        return [p, q, target.X - (p * pivot.X + q * pivot.Y), -q, p, target.Y - (-q * pivot.X + p * pivot.Y)];
    }

    /// <summary>
    /// Pixel-centre mapping of <c>Cv2.Resize</c> from <paramref name="from"/> to <paramref name="to"/>:
    /// x' = (x + 0.5)·w'/w − 0.5. Ignoring the half pixel would shift the result by half a working pixel.
    /// </summary>
    public static double[] ResizeMap(Size from, Size to)
    {
        double sx = (double)to.Width / from.Width, sy = (double)to.Height / from.Height;
        return [sx, 0, 0.5 * sx - 0.5, 0, sy, 0.5 * sy - 0.5];
    }

    public static Mat ToMat(double[] m)
    {
        var mat = new Mat(2, 3, MatType.CV_64FC1);
        mat.SetArray(m[..6]);
        return mat;
    }

    public static double[] FromMat(Mat mat)
    {
        using var d = new Mat();
        mat.ConvertTo(d, MatType.CV_64FC1);
        d.GetArray(out double[] values);
        return values[..6];
    }
}
