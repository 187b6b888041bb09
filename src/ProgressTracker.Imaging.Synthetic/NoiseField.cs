using OpenCvSharp;

namespace ProgressTracker.Imaging.Synthetic;

/// <summary>
/// Smooth value noise from a seeded <see cref="Random"/>. OpenCV's own random generator is process-global,
/// so it would make renders depend on what ran before; this keeps them a pure function of the seed.
/// </summary>
internal static class NoiseField
{
    /// <summary>Noise in roughly [-1, 1] with features about <paramref name="cellSize"/> pixels across.</summary>
    public static float[] Generate(int width, int height, double cellSize, Random random)
    {
        var cols = Math.Max(2, (int)Math.Ceiling(width / cellSize) + 1);
        var rows = Math.Max(2, (int)Math.Ceiling(height / cellSize) + 1);
        var grid = new float[rows * cols];
        for (var i = 0; i < grid.Length; i++) grid[i] = (float)(random.NextDouble() * 2 - 1);

        using var small = new Mat(rows, cols, MatType.CV_32FC1);
        small.SetArray(grid);
        using var large = new Mat();
        var interpolation = cellSize <= 1.5 ? InterpolationFlags.Nearest : InterpolationFlags.Cubic;
        Cv2.Resize(small, large, new Size(width, height), 0, 0, interpolation);
        if (cellSize <= 1.5) Cv2.GaussianBlur(large, large, new Size(3, 3), 0.6);

        var result = new float[width * height];
        large.GetArray(out float[] values);
        Array.Copy(values, result, result.Length);
        return result;
    }
}
