using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// The backdrop's colour as a smooth quadratic surface per channel, fitted to the frame's border. Clinical
/// backdrops are plain but graded by the lighting, and the body usually crosses the top and bottom edges, so the
/// fit starts from the border's backdrop cluster and re-admits only pixels that lie close to the surface.
/// </summary>
internal sealed class BackdropModel
{
    private const int Terms = 6;
    private readonly double[][] _coefficients; // per channel, over 1, u, v, u², v², uv (u, v in -1..1)

    private BackdropModel(double[][] coefficients, double borderShare, double spread) =>
        (_coefficients, BorderShare, Spread) = (coefficients, borderShare, spread);

    /// <summary>
    /// Share of the frame's border the surface explains. A studio backdrop leaves out only where the body crosses the
    /// edge; a furnished room leaves out much more, and then the model cannot tell the person from the room.
    /// </summary>
    public double BorderShare { get; }

    /// <summary>Median distance (sum over B, G, R) of the explained border pixels from the surface: noise on a plain backdrop.</summary>
    public double Spread { get; }

    public static BackdropModel Fit(Mat bgr)
    {
        int w = bgr.Width, h = bgr.Height;
        var samples = BorderSamples.Collect(bgr);
        var basis = samples.Select(s => Basis(s.X, s.Y, w, h)).ToArray();
        var keep = BorderSamples.Backdrop(samples);
        var coefficients = new double[3][];
        var spread = 0.0;
        for (var round = 0; round < 4; round++)
        {
            for (var c = 0; c < 3; c++) coefficients[c] = Solve(basis, samples, keep, c);
            var residuals = samples.Select((s, i) => Residual(coefficients, basis[i], s.Colour)).ToArray();
            // A graded backdrop spans several colour bins: re-admit what lies within a few typical deviations
            // of the surface; the body stays far off it.
            var typical = residuals.Where((_, i) => keep[i]).DefaultIfEmpty(0).Order().ToArray();
            spread = typical[typical.Length / 2];
            var limit = Math.Max(6, 3.5 * spread);
            for (var i = 0; i < keep.Length; i++) keep[i] = residuals[i] <= limit;
        }
        return new BackdropModel(coefficients, keep.Length == 0 ? 0 : (double)keep.Count(k => k) / keep.Length, spread);
    }

    /// <summary>
    /// Expected backdrop colour at pixel (x, y) of a <paramref name="width"/> × <paramref name="height"/> image. The
    /// surface lives in coordinates relative to the frame, so a model fitted at one size evaluates at any.
    /// </summary>
    public (double B, double G, double R) At(int x, int y, int width, int height)
    {
        double u = 2.0 * x / Math.Max(1, width - 1) - 1, v = 2.0 * y / Math.Max(1, height - 1) - 1;
        double uu = u * u, vv = v * v, uv = u * v;
        var (b, g, r) = (_coefficients[0], _coefficients[1], _coefficients[2]);
        return (b[0] + b[1] * u + b[2] * v + b[3] * uu + b[4] * vv + b[5] * uv,
            g[0] + g[1] * u + g[2] * v + g[3] * uu + g[4] * vv + g[5] * uv,
            r[0] + r[1] * u + r[2] * v + r[3] * uu + r[4] * vv + r[5] * uv);
    }

    /// <summary>
    /// The surface as a CV_32FC3 image of <paramref name="size"/>: evaluated on a small grid and enlarged, which
    /// for a quadratic this smooth is exact to a hundredth of a grey level and far cheaper than every pixel.
    /// </summary>
    public Mat Render(Size size)
    {
        const int grid = 33;
        var small = new Vec3f[grid * grid];
        for (var y = 0; y < grid; y++)
        {
            for (var x = 0; x < grid; x++)
            {
                // Grid points sit on the corners of the frame, so the enlargement must align corners too (below).
                var (b, g, r) = At(x, y, grid, grid);
                small[y * grid + x] = new Vec3f((float)b, (float)g, (float)r);
            }
        }
        using var tiny = new Mat(grid, grid, MatType.CV_32FC3);
        tiny.SetArray(small);
        var result = new Mat();
        // Corner-aligned enlargement: pixel (x, y) of the result samples grid point x·(grid−1)/(w−1).
        double sx = (grid - 1.0) / Math.Max(1, size.Width - 1), sy = (grid - 1.0) / Math.Max(1, size.Height - 1);
        using var map = Affine.ToMat([sx, 0, 0, 0, sy, 0]);
        Cv2.WarpAffine(tiny, result, map, size, InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap, BorderTypes.Replicate);
        return result;
    }

    private static double[] Basis(int x, int y, int w, int h)
    {
        double u = 2.0 * x / Math.Max(1, w - 1) - 1, v = 2.0 * y / Math.Max(1, h - 1) - 1;
        return [1, u, v, u * u, v * v, u * v];
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double Residual(double[][] coefficients, double[] basis, Vec3b colour) =>
        Math.Abs(Dot(coefficients[0], basis) - colour.Item0) + Math.Abs(Dot(coefficients[1], basis) - colour.Item1) +
        Math.Abs(Dot(coefficients[2], basis) - colour.Item2);

    /// <summary>Least squares through the normal equations, lightly damped so a one-sided border stays well posed.</summary>
    private static double[] Solve(double[][] basis, List<BorderSample> samples, bool[] keep, int channel)
    {
        var a = new double[Terms * Terms];
        var b = new double[Terms];
        for (var i = 0; i < samples.Count; i++)
        {
            if (!keep[i]) continue;
            var colour = samples[i].Colour;
            var value = channel == 0 ? colour.Item0 : channel == 1 ? colour.Item1 : colour.Item2;
            for (var r = 0; r < Terms; r++)
            {
                b[r] += basis[i][r] * value;
                for (var c = 0; c < Terms; c++) a[r * Terms + c] += basis[i][r] * basis[i][c];
            }
        }
        for (var r = 1; r < Terms; r++) a[r * Terms + r] += 1e-3 * (a[0] + 1);
        using var lhs = new Mat(Terms, Terms, MatType.CV_64FC1);
        using var rhs = new Mat(Terms, 1, MatType.CV_64FC1);
        lhs.SetArray(a);
        rhs.SetArray(b);
        using var solution = new Mat();
        Cv2.Solve(lhs, rhs, solution, DecompTypes.Cholesky);
        solution.GetArray(out double[] result);
        return result;
    }
}
