using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>Normal equations, robust cost and pixel count of one evaluation of the refinement.</summary>
internal sealed record RefinementState(double[] Hessian, double[] Gradient, double MeanCost, double WeightSum, int Pixels, double MedianAbsResidual);

/// <summary>
/// One channel of a refinement and its per-iteration work: warp the baseline onto the photo's grid, take its
/// gradients, and accumulate the weighted normal equations over the photo's pixels. Parameters
/// x = [A, B, U, V, gain, offset] (see <see cref="SimilarityParameters"/>), in the photo's full-grid coordinates.
/// The baseline's weights are carried onto the photo's grid once, at the start (they move by a pixel or two while
/// the fit converges), and all work is confined to the rectangle where weights are non-zero.
/// </summary>
internal sealed class RefinementProblem : IDisposable
{
    private readonly Mat _photo = new(), _baseline = new(), _weight = new(), _warped = new(), _gradX = new(), _gradY = new();
    private readonly Rect _region;
    private readonly int _width;
    private readonly Mat _baselineWeight;
    private readonly Size _photoSize;

    public RefinementProblem(Mat photo, Mat? photoWeight, Mat baseline, Mat baselineWeight, double[] start)
    {
        Centre = new Point2d((photo.Width - 1) / 2.0, (photo.Height - 1) / 2.0);
        (_baselineWeight, _photoSize) = (baselineWeight, photo.Size());
        using (var m = Affine.ToMat(start))
            Cv2.WarpAffine(baselineWeight, _weight, m, photo.Size(), InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap,
                BorderTypes.Constant, new Scalar(0));
        if (photoWeight is not null) Cv2.Multiply(_weight, photoWeight, _weight);
        _region = Region(_weight);
        if (_region.Width == 0) return;

        // A little smoothing widens the capture range and keeps sensor noise out of the gradients.
        using (var crop = new Mat(photo, _region)) Cv2.GaussianBlur(crop, _photo, new Size(0, 0), 1.0);
        Cv2.GaussianBlur(baseline, _baseline, new Size(0, 0), 1.0);
        using (var crop = new Mat(_weight, _region)) crop.CopyTo(_weight);
        _width = _region.Width;
    }

    public Point2d Centre { get; }

    public RefinementState Evaluate(double[] x, double robustScale)
    {
        if (_region.Width == 0) return new RefinementState(new double[36], new double[6], double.MaxValue, 0, 0, 0);
        Warp(x, withGradients: true);
        var histogram = new int[1024]; // |residual| in quarter grey levels, for the median
        var total = new NormalEquations();
        var gate = new object();
        var blocks = Math.Max(1, Environment.ProcessorCount * 2);
        Parallel.For(0, blocks, block =>
        {
            var local = Accumulate(block * _region.Height / blocks, (block + 1) * _region.Height / blocks, x, robustScale, out var counts);
            lock (gate)
            {
                total.Merge(local);
                for (var i = 0; i < counts.Length; i++) histogram[i] += counts[i];
            }
        });
        return new RefinementState(total.Hessian(), total.Gradient(), total.WeightSum > 0 ? total.Cost / total.WeightSum : double.MaxValue,
            total.WeightSum, total.Pixels, Median(histogram, total.Pixels) / 4.0);
    }

    private NormalEquations Accumulate(int fromRow, int toRow, double[] x, double robustScale, out int[] histogram)
    {
        ReadOnlySpan<float> t = _photo.AsSpan<float>(), iw = _warped.AsSpan<float>(), gx = _gradX.AsSpan<float>(),
            gy = _gradY.AsSpan<float>(), ww = _weight.AsSpan<float>();
        double gain = x[4], offset = x[5], norm = x[0] * x[0] + x[1] * x[1];
        // ∇(I∘M) = Aᵀ·(∇I)∘M for the linear part A = [a b; −b a], so (∇I)∘M = A⁻ᵀ·∇(I∘M); the gain folds in too.
        double ka = gain * x[0] / norm, kb = gain * x[1] / norm;
        var robust = !double.IsPositiveInfinity(robustScale);
        var c2 = robustScale * robustScale;
        var sums = new NormalEquations();
        histogram = new int[1024];
        for (var row = fromRow; row < toRow; row++)
        {
            var dy = row + _region.Y - Centre.Y;
            for (int col = 0, i = row * _width; col < _width; col++, i++)
            {
                double w = ww[i];
                if (w <= 1e-3) continue;
                var r = t[i] - gain * iw[i] - offset;
                histogram[Math.Min(1023, (int)(Math.Abs(r) * 4))]++;
                sums.Pixels++;
                sums.WeightSum += w;
                if (robust)
                {
                    // Tukey's biweight: residuals beyond the scale (something changed) stop counting at all.
                    var u = 1 - r * r / c2;
                    var keep = u > 0 ? u * u : 0;
                    sums.Cost += w * c2 / 6 * (1 - keep * Math.Max(0, u));
                    w *= keep;
                    if (w <= 0) continue;
                }
                else sums.Cost += w * r * r / 2;
                var dx = col + _region.X - Centre.X;
                double ix = ka * gx[i] + kb * gy[i], iy = ka * gy[i] - kb * gx[i];
                sums.Add(w, r, ix * dx + iy * dy, ix * dy - iy * dx, ix, iy, iw[i]);
            }
        }
        return sums;
    }

    /// <summary>Least-squares gain and offset between the photo and the warped baseline over the weighted pixels.</summary>
    public (double Gain, double Offset) Exposure(SimilarityParameters p)
    {
        if (_region.Width == 0) return (1, 0);
        Warp([p.A, p.B, p.U, p.V, 1, 0], withGradients: false);
        var (_, mt, mi, vt, vi, cov) = Moments();
        return vi <= 1e-9 ? (1, mt - mi) : (cov / vi, mt - cov / vi * mi);
    }

    /// <summary>Weighted correlation coefficient between photo and warped baseline: 1 is a perfect match.</summary>
    public double Correlation(double[] x)
    {
        if (_region.Width == 0) return 0;
        Warp(x, withGradients: false);
        var (n, _, _, vt, vi, cov) = Moments();
        return n <= 0 || vi <= 1e-9 || vt <= 1e-9 ? 0 : cov / Math.Sqrt(vi * vt);
    }

    /// <summary>
    /// Share of the baseline's weight that falls inside the photo's frame under <paramref name="x"/>: a fit that
    /// agrees well on a sliver of the body is no fit, so agreement is discounted by it.
    /// </summary>
    public double Coverage(double[] x)
    {
        var total = Cv2.Sum(_baselineWeight).Val0;
        if (total <= 0) return 0;
        using var m = Affine.ToMat(Matrix(x));
        using var inside = new Mat();
        using var frame = new Mat(_photoSize, MatType.CV_32FC1, new Scalar(1));
        // Photo frame carried onto the baseline's grid (the inverse of the usual direction).
        Cv2.WarpAffine(frame, inside, m, _baselineWeight.Size(), InterpolationFlags.Nearest, BorderTypes.Constant, new Scalar(0));
        Cv2.Multiply(inside, _baselineWeight, inside);
        return Cv2.Sum(inside).Val0 / total;
    }

    /// <summary>Largest shift of a photo corner between two parameter vectors, in pixels.</summary>
    public double Displacement(double[] x, double[] y)
    {
        var (mx, my) = (Matrix(x), Matrix(y));
        double w = 2 * Centre.X, h = 2 * Centre.Y;
        Point2d[] corners = [new(0, 0), new(w, 0), new(0, h), new(w, h)];
        return corners.Max(c => { Point2d a = mx.Apply(c), b = my.Apply(c); return Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y)); });
    }

    private double[] Matrix(double[] x) => new SimilarityParameters(x[0], x[1], x[2], x[3]).ToMatrix(Centre);

    /// <summary>Baseline sampled at M·p for every photo pixel p of the region (and its gradients along the photo's axes).</summary>
    private void Warp(double[] x, bool withGradients)
    {
        var toRegion = new double[] { 1, 0, _region.X, 0, 1, _region.Y }.Then(Matrix(x));
        using var m = Affine.ToMat(toRegion);
        Cv2.WarpAffine(_baseline, _warped, m, _region.Size, InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap, BorderTypes.Replicate);
        if (!withGradients) return;
        // Gradients of the warped baseline, turned back into baseline axes in Accumulate: one warp instead of three.
        Cv2.Sobel(_warped, _gradX, MatType.CV_32FC1, 1, 0, 1, 0.5);
        Cv2.Sobel(_warped, _gradY, MatType.CV_32FC1, 0, 1, 1, 0.5);
    }

    private (double N, double MeanT, double MeanI, double VarT, double VarI, double Cov) Moments()
    {
        ReadOnlySpan<float> t = _photo.AsSpan<float>(), iw = _warped.AsSpan<float>(), ww = _weight.AsSpan<float>();
        double n = 0, st = 0, si = 0, stt = 0, sii = 0, sti = 0;
        for (var i = 0; i < ww.Length; i++)
        {
            double w = ww[i];
            if (w <= 1e-3) continue;
            double a = t[i], b = iw[i];
            (n, st, si, stt, sii, sti) = (n + w, st + w * a, si + w * b, stt + w * a * a, sii + w * b * b, sti + w * a * b);
        }
        if (n <= 0) return (0, 0, 0, 0, 0, 0);
        double mt = st / n, mi = si / n;
        return (n, mt, mi, stt / n - mt * mt, sii / n - mi * mi, sti / n - mt * mi);
    }

    /// <summary>Bounding rectangle of the non-zero weights, grown by a few pixels so gradients there are two-sided.</summary>
    private static Rect Region(Mat weight)
    {
        using var nonzero = new Mat();
        Cv2.Threshold(weight, nonzero, 1e-3, 255, ThresholdTypes.Binary);
        nonzero.ConvertTo(nonzero, MatType.CV_8UC1);
        var box = Cv2.BoundingRect(nonzero);
        if (box.Width == 0 || box.Height == 0) return default;
        var grown = new Rect(box.X - 3, box.Y - 3, box.Width + 6, box.Height + 6);
        return grown & new Rect(0, 0, weight.Width, weight.Height);
    }

    private static double Median(int[] histogram, int count)
    {
        var seen = 0;
        for (var i = 0; i < histogram.Length; i++)
        {
            seen += histogram[i];
            if (seen * 2 >= count) return i + 0.5;
        }
        return histogram.Length;
    }

    public void Dispose()
    {
        foreach (var mat in new[] { _photo, _baseline, _weight, _warped, _gradX, _gradY }) mat.Dispose();
    }
}
