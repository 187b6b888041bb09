namespace ProgressTracker.Imaging.Synthetic;

/// <summary>
/// Smooth curve through control points (monotone cubic Hermite). It never overshoots between points,
/// so body outlines stay where the control points put them, without ripples.
/// </summary>
internal sealed class Curve
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _slope;

    public Curve(params (double X, double Y)[] points)
    {
        if (points.Length < 2) throw new ArgumentException("A curve needs at least two points.", nameof(points));
        _x = points.Select(p => p.X).ToArray();
        _y = points.Select(p => p.Y).ToArray();
        _slope = MonotoneSlopes(_x, _y);
    }

    public double this[double x]
    {
        get
        {
            if (x <= _x[0]) return _y[0];
            if (x >= _x[^1]) return _y[^1];
            var i = Array.BinarySearch(_x, x);
            if (i >= 0) return _y[i];
            i = ~i - 1;
            var h = _x[i + 1] - _x[i];
            var t = (x - _x[i]) / h;
            double t2 = t * t, t3 = t2 * t;
            return (2 * t3 - 3 * t2 + 1) * _y[i] + (t3 - 2 * t2 + t) * h * _slope[i]
                 + (-2 * t3 + 3 * t2) * _y[i + 1] + (t3 - t2) * h * _slope[i + 1];
        }
    }

    // PCHIP (Fritsch–Carlson): weighted harmonic mean of neighbouring secants, zero at local extrema.
    private static double[] MonotoneSlopes(double[] x, double[] y)
    {
        var n = x.Length;
        var h = new double[n - 1];
        var secant = new double[n - 1];
        for (var i = 0; i < n - 1; i++)
        {
            h[i] = x[i + 1] - x[i];
            secant[i] = (y[i + 1] - y[i]) / h[i];
        }
        var m = new double[n];
        m[0] = secant[0];
        m[n - 1] = secant[n - 2];
        for (var i = 1; i < n - 1; i++)
        {
            if (secant[i - 1] * secant[i] <= 0) continue;
            double w1 = 2 * h[i] + h[i - 1], w2 = h[i] + 2 * h[i - 1];
            m[i] = (w1 + w2) / (w1 / secant[i - 1] + w2 / secant[i]);
        }
        return m;
    }
}
