using OpenCvSharp;

namespace ProgressTracker.Imaging.Composition;

/// <summary>
/// Hides what lies under each brush spot (a tattoo, a birthmark) so it cannot be recovered from the picture: the
/// area is first pixelated (each output pixel becomes the mean of a cell of at least 6 px and about a quarter of the
/// radius on a side, which throws the detail away) and the mosaic is then blurred so it reads as a soft patch rather
/// than as blocks. A blur alone would not do: a plain Gaussian blur can be partly undone by deconvolution.
/// Every pixel inside the circle is replaced; the soft edge lies outside the circle, so the hidden area is never mixed
/// back with the original pixels.
/// </summary>
internal static class BlurBrush
{
    public const int MinCell = 6;

    /// <summary>
    /// Applies <paramref name="spots"/> (in the after photo's pixels) to <paramref name="bgr"/> in place, scaled by
    /// <paramref name="scaleX"/> and <paramref name="scaleY"/> when <paramref name="bgr"/> is another size.
    /// </summary>
    public static void Apply(Mat bgr, IReadOnlyList<CaseBlurSpot> spots, double scaleX = 1, double scaleY = 1)
    {
        // The larger scale for the radius: on a photo of another aspect ratio the spot covers more, never less.
        var radiusScale = Math.Max(scaleX, scaleY);
        foreach (var spot in spots)
            Apply(bgr, spot.X * scaleX, spot.Y * scaleY, spot.Radius * radiusScale);
    }

    /// <summary>The width of a mosaic cell for a spot of this radius.</summary>
    public static int CellFor(double radius) => Math.Max(MinCell, (int)Math.Round(radius / 4));

    /// <summary>The width of the soft edge outside the circle.</summary>
    public static double FeatherFor(double radius) => Math.Max(2, radius * 0.2);

    private static void Apply(Mat bgr, double cx, double cy, double radius)
    {
        var cell = CellFor(radius);
        var outer = radius + FeatherFor(radius);
        var bounds = new Rect(0, 0, bgr.Width, bgr.Height);
        var left = (int)Math.Floor(cx - outer);
        var top = (int)Math.Floor(cy - outer);
        var side = (int)Math.Ceiling(2 * outer) + 2;
        var roi = new Rect(left, top, side, side) & bounds;
        if (roi.Width <= 0 || roi.Height <= 0) return;

        using var region = new Mat(bgr, roi);
        using var hidden = Mosaic(region, cell);
        var sigma = cell * 0.5;
        Cv2.GaussianBlur(hidden, hidden, new Size(0, 0), sigma, sigma, BorderTypes.Replicate);
        Blend(region, hidden, cx - roi.X, cy - roi.Y, radius, outer);
    }

    /// <summary>
    /// Each cell replaced by its mean. Cells are at least <paramref name="cell"/> pixels on a side even where the
    /// region is clipped by the photo's edge (the region is divided into whole cells, never a sliver), so no narrow
    /// strip of original detail survives at the border.
    /// </summary>
    private static Mat Mosaic(Mat region, int cell)
    {
        var columns = Math.Max(1, region.Width / cell);
        var rows = Math.Max(1, region.Height / cell);
        using var means = new Mat();
        Cv2.Resize(region, means, new Size(columns, rows), 0, 0, InterpolationFlags.Area);
        var mosaic = new Mat();
        Cv2.Resize(means, mosaic, region.Size(), 0, 0, InterpolationFlags.Nearest);
        return mosaic;
    }

    /// <summary>Hidden pixels fully inside the circle, fading to the original over the feather band outside it.</summary>
    private static void Blend(Mat region, Mat hidden, double cx, double cy, double radius, double outer)
    {
        int width = region.Width, height = region.Height;
        using var original = region.Clone();
        original.GetArray(out Vec3b[] source);
        hidden.GetArray(out Vec3b[] covered);
        var result = new Vec3b[source.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = y * width + x;
                var distance = Math.Sqrt(Math.Pow(x + 0.5 - cx, 2) + Math.Pow(y + 0.5 - cy, 2));
                var weight = distance <= radius ? 1 : Math.Clamp((outer - distance) / (outer - radius), 0, 1);
                result[i] = weight >= 1 ? covered[i] : weight <= 0 ? source[i] : Mix(source[i], covered[i], weight);
            }
        }
        using var blended = new Mat(height, width, MatType.CV_8UC3);
        blended.SetArray(result);
        blended.CopyTo(region);
    }

    private static Vec3b Mix(Vec3b a, Vec3b b, double weight) => new(
        (byte)Math.Round(a.Item0 + (b.Item0 - a.Item0) * weight),
        (byte)Math.Round(a.Item1 + (b.Item1 - a.Item1) * weight),
        (byte)Math.Round(a.Item2 + (b.Item2 - a.Item2) * weight));
}
