using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>What a refinement ended with: the matrix and how well the two images then agree.</summary>
internal sealed record Refinement(double[] Matrix, double Correlation, int Pixels);

/// <summary>
/// Weighted Gauss–Newton (Levenberg–Marquardt damped) registration with a similarity motion and a gain/offset
/// exposure model: minimises Σ w·(photo(x) − gain·baseline(M·x) − offset)². OpenCV's ECC has no similarity mode
/// and only a yes/no mask; here every baseline pixel carries a weight (the hip band counts less), and residuals
/// far beyond the noise (things that changed) are weighted down as the fit proceeds.
/// </summary>
internal static class SimilarityRefiner
{
    /// <param name="photo">Template, CV_32FC1, in photo pixels.</param>
    /// <param name="photoWeight">CV_32FC1 0..1 over the photo, or null: which photo pixels are usable.</param>
    /// <param name="baseline">CV_32FC1, in baseline pixels.</param>
    /// <param name="weight">CV_32FC1 0..1 over the baseline: how much each pixel may steer.</param>
    /// <param name="start">Photo → baseline similarity to start from.</param>
    /// <param name="tolerance">Stop once an update moves no photo corner further than this, in pixels.</param>
    public static Refinement Refine(Mat photo, Mat? photoWeight, Mat baseline, Mat weight, double[] start, int iterations,
        double tolerance, CancellationToken ct)
    {
        using var problem = new RefinementProblem(photo, photoWeight, baseline, weight);
        var p = SimilarityParameters.From(start, problem.Centre);
        var (gain, offset) = problem.Exposure(p);
        double[] x = [p.A, p.B, p.U, p.V, gain, offset];

        var state = problem.Evaluate(x, robustScale: double.PositiveInfinity);
        var robustScale = 4.685 * 1.4826 * state.MedianAbsResidual; // Tukey's constant over a MAD-based σ
        state = problem.Evaluate(x, robustScale);
        var lambda = 1e-3;
        for (var i = 0; i < iterations && state.Pixels > 0; i++)
        {
            ct.ThrowIfCancellationRequested();
            var step = Solve(state.Hessian, state.Gradient, lambda);
            if (step is null) break;
            var candidate = x.Zip(step, (a, b) => a + b).ToArray();
            var next = problem.Evaluate(candidate, robustScale);
            if (next.Pixels > 0 && next.MeanCost <= state.MeanCost)
            {
                var moved = problem.Displacement(x, candidate);
                (x, state, lambda) = (candidate, next, Math.Max(1e-6, lambda / 3));
                if (moved < tolerance) break;
            }
            else
            {
                lambda *= 8;
                if (lambda > 1e4) break;
            }
        }
        var matrix = new SimilarityParameters(x[0], x[1], x[2], x[3]).ToMatrix(problem.Centre);
        return new Refinement(matrix, problem.Correlation(x), state.Pixels);
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
