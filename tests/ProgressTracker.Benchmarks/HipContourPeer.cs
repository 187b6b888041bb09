using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// The textbook way to the same number, as the peer in the benchmark: OpenCV's convexity defects of the silhouette's
/// pixel contour (no sub-pixel fit, no checks), each side's deepest defect between the waist and the hips divided by
/// the widest breadth there, in the same band of rows as ours. Same silhouette, same frame, so the difference is what
/// the fitted contour and the bridging window add.
/// </summary>
internal static class HipContourPeer
{
    /// <summary>Depth on the image's left and right side, % of hip breadth; null when no outline was found.</summary>
    public static (double Left, double Right)? Measure(Mat image)
    {
        var scale = Math.Max(1.0, Math.Max(image.Width, image.Height) / 480.0);
        using var work = new Mat();
        Cv2.Resize(image, work, new Size((int)Math.Round(image.Width / scale), (int)Math.Round(image.Height / scale)), 0, 0, InterpolationFlags.Area);
        using var silhouette = SilhouetteSegmenter.Segment(work);
        Cv2.FindContours(silhouette.Mask, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxNone);
        if (contours.Length == 0) return null;
        var body = contours.MaxBy(c => Cv2.ContourArea(c))!;
        var hull = Cv2.ConvexHullIndices(body);
        var defects = Cv2.ConvexityDefects(body, hull);

        // Breadth per row from the same contour: the widest in the middle of the body is the hips.
        var rows = body.GroupBy(p => p.Y).ToDictionary(g => g.Key, g => (Min: g.Min(p => p.X), Max: g.Max(p => p.X)));
        int top = rows.Keys.Min(), bottom = rows.Keys.Max(), span = bottom - top;
        var hips = rows.Where(r => r.Key > top + span / 5 && r.Key < bottom - span / 5).MaxBy(r => r.Value.Max - r.Value.Min);
        var breadth = hips.Value.Max - hips.Value.Min;
        var middle = (hips.Value.Max + hips.Value.Min) / 2.0;
        // The same band as ours: from a third of the way down from the waist (narrowest above the hips) to just below the hips.
        var waist = rows.Where(r => r.Key >= top && r.Key < hips.Key).MinBy(r => r.Value.Max - r.Value.Min).Key;
        int from = waist + (hips.Key - waist) * 35 / 100, to = hips.Key + (hips.Key - waist) * 15 / 100;
        double left = 0, right = 0;
        foreach (var d in defects)
        {
            var far = body[d.Item2];
            if (far.Y < from || far.Y > to) continue;
            var depth = d.Item3 / 256.0;
            if (far.X < middle) left = Math.Max(left, depth); else right = Math.Max(right, depth);
        }
        return (100 * left / breadth, 100 * right / breadth);
    }
}
