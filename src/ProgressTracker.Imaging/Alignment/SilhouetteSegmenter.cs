using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// Separates the body from a plain backdrop: how far each pixel's colour is from the backdrop model, thresholded
/// by Otsu, then cleaned up. Darkening alone is tolerated up to a soft shadow's depth; skin differs in hue and a
/// dark garment in lightness, so both count.
/// </summary>
internal static class SilhouetteSegmenter
{
    private const double ShadowTolerance = 0.33; // |ln(lightness ratio)| a cast shadow can reach (≈ 28 % darker)
    private const double ChromaUnit = 0.03;
    private const double LightnessUnit = 0.25;

    /// <summary>Returns a CV_8UC1 mask: 255 on the body, 0 on the backdrop.</summary>
    public static Mat Segment(Mat bgr)
    {
        var backdrop = BackdropModel.Fit(bgr).Render();
        bgr.GetArray(out Vec3b[] pixels);
        var distance = new byte[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            var p = pixels[i];
            double b = p.Item0 + 1, g = p.Item1 + 1, r = p.Item2 + 1;
            double mb = Math.Max(1, backdrop[i * 3] + 1), mg = Math.Max(1, backdrop[i * 3 + 1] + 1), mr = Math.Max(1, backdrop[i * 3 + 2] + 1);
            double sum = b + g + r, modelSum = mb + mg + mr;
            double db = b / sum - mb / modelSum, dg = g / sum - mg / modelSum, dr = r / sum - mr / modelSum;
            var chroma = Math.Sqrt(db * db + dg * dg + dr * dr) / ChromaUnit;
            var lightness = Math.Max(0, Math.Abs(Math.Log(sum / modelSum)) - ShadowTolerance) / LightnessUnit;
            distance[i] = (byte)Math.Min(255, 50 * Math.Sqrt(chroma * chroma + lightness * lightness));
        }

        using var score = new Mat(bgr.Rows, bgr.Cols, MatType.CV_8UC1);
        score.SetArray(distance);
        var mask = new Mat();
        var otsu = Cv2.Threshold(score, mask, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        // Otsu can split the body's own modes (skin vs garment) when the backdrop is tiny; keep it in a sane range.
        var level = Math.Clamp(otsu, 35, 90);
        Cv2.Threshold(score, mask, level, 255, ThresholdTypes.Binary);
        Clean(mask);
        return mask;
    }

    /// <summary>Drops specks, closes small gaps, keeps the sizeable blobs and fills holes inside them.</summary>
    private static void Clean(Mat mask)
    {
        var unit = Math.Max(1, Math.Max(mask.Width, mask.Height) / 160);
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(2 * unit + 1, 2 * unit + 1));
        Cv2.MorphologyEx(mask, mask, MorphTypes.Open, kernel);
        Cv2.MorphologyEx(mask, mask, MorphTypes.Close, kernel, iterations: 2);

        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(mask, labels, stats, centroids, PixelConnectivity.Connectivity8);
        var areas = Enumerable.Range(1, Math.Max(0, count - 1)).Select(l => stats.At<int>(l, (int)ConnectedComponentsTypes.Area)).ToArray();
        var largest = areas.DefaultIfEmpty(0).Max();
        mask.SetTo(Scalar.All(0));
        for (var l = 1; l < count; l++)
        {
            if (areas[l - 1] < 0.1 * largest) continue;
            using var blob = labels.Equals(l);
            mask.SetTo(Scalar.All(255), blob);
        }
        FillHoles(mask);
    }

    /// <summary>Backdrop regions that do not reach the frame's edge are enclosed by the body: fill them.</summary>
    private static void FillHoles(Mat mask)
    {
        using var padded = new Mat();
        Cv2.CopyMakeBorder(mask, padded, 1, 1, 1, 1, BorderTypes.Constant, Scalar.All(0));
        Cv2.FloodFill(padded, new Point(0, 0), Scalar.All(128));
        using var inner = new Mat(padded, new Rect(1, 1, mask.Width, mask.Height));
        using var holes = inner.Equals(0);
        mask.SetTo(Scalar.All(255), holes);
    }
}
