using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>Normal equations, robust cost and pixel count of one evaluation of the refinement.</summary>
internal sealed record RefinementState(double[] Hessian, double[] Gradient, double MeanCost, int Pixels, double MedianAbsResidual);

/// <summary>
/// The images of one refinement level and the per-iteration work: warp the baseline, its gradients and its
/// weights onto the photo's grid, then accumulate the weighted normal equations over the photo's pixels.
/// Parameters x = [A, B, U, V, gain, offset] (see <see cref="SimilarityParameters"/>).
/// </summary>
internal sealed class RefinementProblem : IDisposable
{
    private readonly Mat _photo = new(), _baseline = new(), _weight, _photoWeight;
    private readonly Mat _warped, _warpedX, _warpedY, _warpedWeight;
    private readonly int _width, _height;

    /// <param name="photoWeight">CV_32FC1 0..1 over the photo (e.g. 0 where over-exposed); null for all ones.</param>
    public RefinementProblem(Mat photo, Mat? photoWeight, Mat baseline, Mat weight)
    {
        _photoWeight = photoWeight ?? new Mat(photo.Size(), MatType.CV_32FC1, Scalar.All(1));
        // A little smoothing widens the capture range and keeps sensor noise out of the gradients.
        var sigma = photo.Width > 400 ? Sigma : 1.0;
        Cv2.GaussianBlur(photo, _photo, new Size(0, 0), sigma);
        Cv2.GaussianBlur(baseline, _baseline, new Size(0, 0), sigma);
        _weight = weight;
        _ownsPhotoWeight = photoWeight is null;
        (_width, _height) = (photo.Width, photo.Height);
        Centre = new Point2d((_width - 1) / 2.0, (_height - 1) / 2.0);
        _warped = new Mat(_height, _width, MatType.CV_32FC1);
        _warpedX = new Mat(_height, _width, MatType.CV_32FC1);
        _warpedY = new Mat(_height, _width, MatType.CV_32FC1);
        _warpedWeight = new Mat(_height, _width, MatType.CV_32FC1);
    }

    private readonly bool _ownsPhotoWeight;

    public Point2d Centre { get; }
    public static readonly double Sigma = double.Parse(Environment.GetEnvironmentVariable("FINESIG") ?? "1");

    public static long Evals, WarpTicks, AccTicks;
    public RefinementState Evaluate(double[] x, double robustScale)
    {
        var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        Warp(x, withGradients: true);
        var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
        Evals++; WarpTicks += t1 - t0;
        var histogram = new int[1024]; // |residual| in quarter grey levels, for the median
        var total = new NormalEquations();
        var gate = new object();
        // Two row blocks per core: the machines this runs on have few cores and the blocks are even.
        var blocks = Math.Max(1, Environment.ProcessorCount * 2);
        Parallel.For(0, blocks, block =>
        {
            var local = Accumulate(block * _height / blocks, (block + 1) * _height / blocks, x, robustScale, out var counts);
            lock (gate)
            {
                total.Merge(local);
                for (var i = 0; i < counts.Length; i++) histogram[i] += counts[i];
            }
        });
        AccTicks += System.Diagnostics.Stopwatch.GetTimestamp() - t1;
        return new RefinementState(total.Hessian(), total.Gradient(), total.WeightSum > 0 ? total.Cost / total.WeightSum : double.MaxValue,
            total.Pixels, Median(histogram, total.Pixels) / 4.0);
    }

    private NormalEquations Accumulate(int fromRow, int toRow, double[] x, double robustScale, out int[] histogram)
    {
        double gain = x[4], offset = x[5], norm = x[0] * x[0] + x[1] * x[1];
        // ∇(I∘M) = Aᵀ·(∇I)∘M for the linear part A = [a b; −b a], so (∇I)∘M = A⁻ᵀ·∇(I∘M); the gain folds in too.
        double ka = gain * x[0] / norm, kb = gain * x[1] / norm;
        ReadOnlySpan<float> t = _photo.AsSpan<float>(), iw = _warped.AsSpan<float>(), gx = _warpedX.AsSpan<float>(),
            gy = _warpedY.AsSpan<float>(), ww = _warpedWeight.AsSpan<float>(), pw = _photoWeight.AsSpan<float>();
        var robust = !double.IsPositiveInfinity(robustScale);
        var c2 = robustScale * robustScale;
        var sums = new NormalEquations();
        histogram = new int[1024];
        for (var row = fromRow; row < toRow; row++)
        {
            var dy = row - Centre.Y;
            for (int col = 0, i = row * _width; col < _width; col++, i++)
            {
                double w = ww[i] * pw[i];
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
                var dx = col - Centre.X;
                double ix = ka * gx[i] + kb * gy[i], iy = ka * gy[i] - kb * gx[i];
                sums.Add(w, r, ix * dx + iy * dy, ix * dy - iy * dx, ix, iy, iw[i]);
            }
        }
        return sums;
    }

    /// <summary>Least-squares gain and offset between the photo and the warped baseline over the weighted pixels.</summary>
    public (double Gain, double Offset) Exposure(SimilarityParameters p)
    {
        Warp([p.A, p.B, p.U, p.V, 1, 0], withGradients: false);
        var (n, mt, mi, vi, cov) = Moments();
        return n <= 0 || vi <= 1e-9 ? (1, mt - mi) : (cov / vi, mt - cov / vi * mi);
    }

    /// <summary>Weighted correlation coefficient between photo and warped baseline: 1 is a perfect match.</summary>
    public double Correlation(double[] x)
    {
        Warp(x, withGradients: false);
        var (n, _, _, vi, cov) = Moments();
        var vt = Moments(photoVariance: true);
        return n <= 0 || vi <= 1e-9 || vt <= 1e-9 ? 0 : cov / Math.Sqrt(vi * vt);
    }

    /// <summary>Largest shift of a photo corner between two parameter vectors, in pixels.</summary>
    public double Displacement(double[] x, double[] y)
    {
        var (mx, my) = (Matrix(x), Matrix(y));
        Point2d[] corners = [new(0, 0), new(_width - 1, 0), new(0, _height - 1), new(_width - 1, _height - 1)];
        return corners.Max(c => { Point2d a = mx.Apply(c), b = my.Apply(c); return Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y)); });
    }

    private double[] Matrix(double[] x) => new SimilarityParameters(x[0], x[1], x[2], x[3]).ToMatrix(Centre);

    private void Warp(double[] x, bool withGradients)
    {
        using var m = Affine.ToMat(Matrix(x));
        var size = new Size(_width, _height);
        const InterpolationFlags flags = InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap;
        Cv2.WarpAffine(_baseline, _warped, m, size, flags, BorderTypes.Replicate);
        Cv2.WarpAffine(_weight, _warpedWeight, m, size, flags, BorderTypes.Constant, Scalar.All(0));
        if (!withGradients) return;
        // Gradients of the warped baseline, turned back into baseline axes below: one warp instead of three.
        Cv2.Sobel(_warped, _warpedX, MatType.CV_32FC1, 1, 0, 1, 0.5);
        Cv2.Sobel(_warped, _warpedY, MatType.CV_32FC1, 0, 1, 1, 0.5);
    }

    private (double N, double MeanT, double MeanI, double VarI, double Cov) Moments()
    {
        ReadOnlySpan<float> t = _photo.AsSpan<float>(), iw = _warped.AsSpan<float>(), ww = _warpedWeight.AsSpan<float>(),
            pw = _photoWeight.AsSpan<float>();
        double n = 0, st = 0, si = 0, sii = 0, sti = 0;
        for (var i = 0; i < ww.Length; i++)
        {
            double w = ww[i] * pw[i];
            if (w <= 1e-3) continue;
            (n, st, si, sii, sti) = (n + w, st + w * t[i], si + w * iw[i], sii + w * iw[i] * iw[i], sti + w * t[i] * iw[i]);
        }
        if (n <= 0) return (0, 0, 0, 0, 0);
        double mt = st / n, mi = si / n;
        return (n, mt, mi, sii / n - mi * mi, sti / n - mt * mi);
    }

    private double Moments(bool photoVariance)
    {
        ReadOnlySpan<float> t = _photo.AsSpan<float>(), ww = _warpedWeight.AsSpan<float>(), pw = _photoWeight.AsSpan<float>();
        double n = 0, st = 0, stt = 0;
        for (var i = 0; i < ww.Length; i++)
        {
            double w = ww[i] * pw[i];
            if (w <= 1e-3) continue;
            (n, st, stt) = (n + w, st + w * t[i], stt + w * t[i] * t[i]);
        }
        return n <= 0 || !photoVariance ? 0 : stt / n - st / n * (st / n);
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
        foreach (var mat in new[] { _photo, _baseline, _warped, _warpedX, _warpedY, _warpedWeight }) mat.Dispose();
        if (_ownsPhotoWeight) _photoWeight.Dispose();
    }
}
