using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// One kind of evidence for the refinement: a photo image and a baseline image of the same level (CV_32FC1),
/// per-pixel weights on each side (0..1; null for all ones on the photo), how much this evidence counts against
/// the others, and whether residuals far beyond the noise (things that changed) are discounted.
/// </summary>
internal sealed record Channel(Mat Photo, Mat? PhotoWeight, Mat Baseline, Mat Weight, double Importance, bool Robust);

/// <summary>
/// What a refinement ended with: the matrix; per channel, how well photo and baseline then agree; and one number
/// to compare fits from different starts (the first channel's correlation times its coverage).
/// </summary>
internal sealed record Refinement(double[] Matrix, double[] Correlations, double Quality);

/// <summary>
/// Weighted Gauss–Newton (Levenberg–Marquardt damped) registration with a similarity motion, fitting all channels
/// at once: minimises Σ_c importance_c · mean_w ρ(photo_c(x) − gain_c·baseline_c(M·x) − offset_c). OpenCV's ECC
/// has no similarity mode, a single image and only a yes/no mask; here every baseline pixel carries a weight (the
/// hip band none), each channel its own exposure, and a robust ρ (Tukey) lets changed pixels stop counting.
/// </summary>
internal static class SimilarityRefiner
{
    private const double Tukey = 4.685 * 1.4826; // Tukey's constant over a MAD-based σ

    /// <param name="channels">All at the same level (same photo and baseline sizes).</param>
    /// <param name="start">Photo → baseline similarity to start from, in that level's pixels.</param>
    /// <param name="tolerance">Stop once an update moves no photo corner further than this, in pixels.</param>
    public static Refinement Refine(IReadOnlyList<Channel> channels, double[] start, int iterations, double tolerance, CancellationToken ct)
    {
        var problems = channels.Select(c => new RefinementProblem(c.Photo, c.PhotoWeight, c.Baseline, c.Weight, start)).ToArray();
        try
        {
            var centre = problems[0].Centre;
            var p = SimilarityParameters.From(start, centre);
            var x = new double[4 + 2 * problems.Length];
            (x[0], x[1], x[2], x[3]) = (p.A, p.B, p.U, p.V);
            var scales = new double[problems.Length];
            for (var c = 0; c < problems.Length; c++)
            {
                (x[4 + 2 * c], x[5 + 2 * c]) = problems[c].Exposure(p);
                var plain = problems[c].Evaluate(Slice(x, c), double.PositiveInfinity);
                scales[c] = channels[c].Robust ? Tukey * Math.Max(0.5, plain.MedianAbsResidual) : double.PositiveInfinity;
            }

            var state = Evaluate(problems, channels, x, scales);
            var lambda = 1e-3;
            for (var i = 0; i < iterations && state is not null; i++)
            {
                ct.ThrowIfCancellationRequested();
                var step = Solve(state.Value.Hessian, state.Value.Gradient, lambda);
                if (step is null) break;
                var candidate = x.Zip(step, (a, b) => a + b).ToArray();
                var next = Evaluate(problems, channels, candidate, scales);
                if (next is { } n && n.Cost <= state.Value.Cost)
                {
                    var moved = problems[0].Displacement(x, candidate);
                    (x, state, lambda) = (candidate, next, Math.Max(1e-6, lambda / 3));
                    if (moved < tolerance) break;
                }
                else if ((lambda *= 8) > 1e4) break;
            }
            var matrix = new SimilarityParameters(x[0], x[1], x[2], x[3]).ToMatrix(centre);
            var correlations = problems.Select((problem, c) => problem.Correlation(Slice(x, c))).ToArray();
            var quality = correlations[0] * problems[0].Coverage(x);
            return new Refinement(matrix, correlations, quality);
        }
        finally
        {
            foreach (var problem in problems) problem.Dispose();
        }
    }

    /// <summary>The six parameters one channel sees: the shared similarity and its own gain and offset.</summary>
    private static double[] Slice(double[] x, int c) => [x[0], x[1], x[2], x[3], x[4 + 2 * c], x[5 + 2 * c]];

    private static (double[] Hessian, double[] Gradient, double Cost, int Pixels)? Evaluate(
        RefinementProblem[] problems, IReadOnlyList<Channel> channels, double[] x, double[] scales)
    {
        var n = x.Length;
        var h = new double[n * n];
        var g = new double[n];
        double cost = 0;
        var pixels = 0;
        for (var c = 0; c < problems.Length; c++)
        {
            var s = problems[c].Evaluate(Slice(x, c), scales[c]);
            if (s.Pixels == 0 || s.WeightSum <= 0) return null;
            // Means, not sums, so a channel's say does not depend on how many pixels it has.
            var f = channels[c].Importance / s.WeightSum;
            int[] index = [0, 1, 2, 3, 4 + 2 * c, 5 + 2 * c];
            for (var a = 0; a < 6; a++)
            {
                g[index[a]] += f * s.Gradient[a];
                for (var b = 0; b < 6; b++) h[index[a] * n + index[b]] += f * s.Hessian[a * 6 + b];
            }
            cost += channels[c].Importance * s.MeanCost;
            pixels += s.Pixels;
        }
        return (h, g, cost, pixels);
    }

    /// <summary>Solves (H + λ·diag H)·Δ = g.</summary>
    private static double[]? Solve(double[] hessian, double[] gradient, double lambda)
    {
        var n = gradient.Length;
        var a = (double[])hessian.Clone();
        for (var i = 0; i < n; i++) a[i * n + i] += lambda * Math.Max(a[i * n + i], 1e-9);
        using var lhs = new Mat(n, n, MatType.CV_64FC1);
        using var rhs = new Mat(n, 1, MatType.CV_64FC1);
        lhs.SetArray(a);
        rhs.SetArray(gradient);
        using var solution = new Mat();
        if (!Cv2.Solve(lhs, rhs, solution, DecompTypes.Cholesky)) return null;
        solution.GetArray(out double[] result);
        return result.Any(double.IsNaN) ? null : result;
    }
}
