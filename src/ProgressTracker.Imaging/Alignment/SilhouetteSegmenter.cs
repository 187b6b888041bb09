using OpenCvSharp;
using ProgressTracker.Imaging.Segmentation;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// The body's outline: a clean coarse mask, and the backdrop model and threshold that produced it; in a room, where
/// the backdrop model cannot find the body, the person model's mask that took its place.
/// </summary>
internal sealed record Silhouette(Mat Mask, BackdropModel Backdrop, double Level) : IDisposable
{
    /// <summary>The person model's mask when it decided the region (the backdrop model did not explain the border).</summary>
    public PersonMask? Person { get; init; }

    /// <summary>
    /// Body-ness 0..1 of any reduction of the same photo, ramping across the threshold: sub-pixel outline
    /// positions for precise registration, independent of the backdrop's shade.
    /// </summary>
    public Mat Soft(Mat bgr)
    {
        if (Person is { } person) return PersonOutline.Soft(person, bgr);
        // Scored everywhere, not only near the mask's outline: the cleaned mask is no reference for sub-pixel
        // work, and grey zones (a garment close to the backdrop) must look the same in both photos.
        using var score = BackdropDistance.Score(bgr, Backdrop);
        var soft = new Mat();
        score.ConvertTo(soft, MatType.CV_32FC1, 1 / Level, -0.5);
        Cv2.Threshold(soft, soft, 1, 1, ThresholdTypes.Trunc);
        Cv2.Threshold(soft, soft, 0, 0, ThresholdTypes.Tozero);
        return soft;
    }

    public void Dispose()
    {
        Mask.Dispose();
        Person?.Dispose();
    }
}

/// <summary>
/// Which model draws a silhouette. Two outlines compare only when the same method drew both, so a pair's follow-up
/// takes its baseline's method: a warped or re-framed copy can look plainer or busier at the border than its
/// baseline (filled margins, the body across more of the edge) without being another kind of photo.
/// </summary>
internal enum SilhouetteMethod { Auto, Backdrop, Person }

/// <summary>
/// Separates the body from a plain backdrop: distance from the backdrop model (<see cref="BackdropDistance"/>),
/// thresholded by Otsu, then cleaned up. When the backdrop model explains too little of the frame's border (a
/// furnished room, not a studio backdrop), the person model's mask decides the region instead, if it sees a person;
/// studio photos never reach the person model, so they stay exactly as the backdrop model segments them.
/// </summary>
internal static class SilhouetteSegmenter
{
    /// <summary>
    /// Share of the border a studio backdrop explains even with the body across two edges (synthetic studio views:
    /// 0.78–0.85); the furnished rooms of the real-people fixtures: 0.34–0.40.
    /// </summary>
    public const double TrustedBorderShare = 0.6;

    public static Silhouette Segment(Mat bgr) => Segment(bgr, bgr);

    /// <param name="bgr">The image to segment (the coarse level).</param>
    /// <param name="detail">The same frame at a finer level, for the person model, which sees more of it.</param>
    /// <param name="method">
    /// Auto decides by the border; the second photo of a pair follows the first (see <see cref="SilhouetteMethod"/>).
    /// </param>
    public static Silhouette Segment(Mat bgr, Mat detail, SilhouetteMethod method = SilhouetteMethod.Auto)
    {
        var model = BackdropModel.Fit(bgr);
        var tryPerson = method == SilhouetteMethod.Person || (method == SilhouetteMethod.Auto && model.BorderShare < TrustedBorderShare);
        if (tryPerson && PoseModel.Segment(detail) is { } person)
        {
            var region = PersonOutline.Mask(person, bgr);
            Clean(region);
            return new Silhouette(region, model, 0) { Person = person };
        }
        return Backdrop(bgr, model);
    }

    /// <summary>The backdrop model's silhouette alone, as before the person model (for comparisons).</summary>
    internal static Silhouette Backdrop(Mat bgr) => Backdrop(bgr, BackdropModel.Fit(bgr));

    private static Silhouette Backdrop(Mat bgr, BackdropModel model)
    {
        using var score = BackdropDistance.Score(bgr, model);
        var mask = new Mat();
        var otsu = Cv2.Threshold(score, mask, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        // Otsu can split the body's own modes (skin vs garment) when the backdrop is tiny; keep it in a sane range.
        var level = Math.Clamp(otsu, 35, 90);
        Cv2.Threshold(score, mask, level, 255, ThresholdTypes.Binary);
        Clean(mask);
        return new Silhouette(mask, model, level);
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
