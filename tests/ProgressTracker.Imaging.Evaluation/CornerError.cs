using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;

namespace ProgressTracker.Imaging.Evaluation;

/// <summary>
/// Corner error: how far each corner of the photo lands from where the true matrix puts it, in baseline pixels
/// rescaled to a 1280-pixel long edge, so that figures from different image sizes compare.
/// </summary>
public static class CornerError
{
    public const int ReferenceLongEdge = 1280;

    public static double[] Measure(double[] estimate, double[] truth, Size photoSize, Size baselineSize)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(truth);
        var perPixel = (double)ReferenceLongEdge / Math.Max(baselineSize.Width, baselineSize.Height);
        Point2d[] corners =
        [
            new(0, 0), new(photoSize.Width - 1, 0),
            new(photoSize.Width - 1, photoSize.Height - 1), new(0, photoSize.Height - 1),
        ];
        return corners.Select(c =>
        {
            Point2d a = estimate.Apply(c), b = truth.Apply(c);
            return Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y)) * perPixel;
        }).ToArray();
    }

    /// <summary>The value below which <paramref name="p"/> (0..1) of the sorted values fall (nearest rank).</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
