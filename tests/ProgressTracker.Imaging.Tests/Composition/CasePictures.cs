using OpenCvSharp;
using ProgressTracker.Imaging.Composition;
using ProgressTracker.Imaging.Synthetic;

namespace ProgressTracker.Imaging.Tests.Composition;

/// <summary>Inputs for case pictures with known ground truth, and helpers that measure what was rendered.</summary>
internal static class CasePictures
{
    public static readonly CaseProvenance Provenance = new(
        Guid.Parse("3f2c9a1e-5b7d-4c1a-9e8f-0a1b2c3d4e5f"), "C-7K3QX2",
        [Guid.Parse("11111111-2222-4333-8444-555555555555"), Guid.Parse("66666666-7777-4888-9999-aaaaaaaaaaaa")]);

    /// <summary>Lossless, so the only JPEG round trip in a test is the renderer's own.</summary>
    public static byte[] Png(Mat image)
    {
        Cv2.ImEncode(".png", image, out var bytes);
        return bytes;
    }

    /// <summary>A synthetic body with a "tattoo": a black-and-white checkerboard of 6 px squares, radius 48, at <paramref name="centre"/>.</summary>
    public static Mat Tattooed(Point centre, int width = 960, int height = 1280, int seed = 9)
    {
        var image = SyntheticBody.Render(new SyntheticBodyOptions(width, height, "front", 0.8, seed));
        var radius = 48 * width / 960;
        for (var y = -radius; y <= radius; y++)
        for (var x = -radius; x <= radius; x++)
        {
            if (x * x + y * y > radius * radius) continue;
            if (centre.X + x < 0 || centre.X + x >= width || centre.Y + y < 0 || centre.Y + y >= height) continue;
            var dark = ((x + radius) / 6 + (y + radius) / 6) % 2 == 0;
            image.Set(centre.Y + y, centre.X + x, dark ? new Vec3b(20, 20, 20) : new Vec3b(240, 240, 240));
        }
        return image;
    }

    public static CaseRenderRequest Request(byte[] before, byte[] after, CaseCrop? crop = null,
        IReadOnlyList<CaseBlurSpot>? blur = null, IReadOnlyList<string>? caption = null, string? watermark = null,
        CaseProvenance? provenance = null, string afterLabel = "After · 12 weeks") =>
        new(before, after, "Before", afterLabel, crop, blur ?? [], caption ?? ["Hip dip treatment · 3 sessions · 12 weeks", "Individual results vary."],
            watermark, provenance ?? Provenance);

    /// <summary>Variance of the grey level inside a circle (pixel centres within <paramref name="radius"/>).</summary>
    public static double GreyVariance(Mat bgr, Point2d centre, double radius)
    {
        using var grey = new Mat();
        Cv2.CvtColor(bgr, grey, ColorConversionCodes.BGR2GRAY);
        using var mask = new Mat(grey.Size(), MatType.CV_8UC1, Scalar.All(0));
        Cv2.Circle(mask, new Point((int)Math.Round(centre.X), (int)Math.Round(centre.Y)), (int)Math.Floor(radius), Scalar.All(255), -1);
        Cv2.MeanStdDev(grey, out _, out var deviation, mask);
        return deviation.Val0 * deviation.Val0;
    }

    /// <summary>Pixels of <paramref name="region"/> outside the circle that differ by more than <paramref name="tolerance"/>.</summary>
    public static int DifferentOutside(Mat a, Mat b, Rect region, Point2d centre, double radius, int tolerance)
    {
        using var diff = new Mat();
        using var ra = new Mat(a, region);
        using var rb = new Mat(b, region);
        Cv2.Absdiff(ra, rb, diff);
        using var grey = new Mat();
        Cv2.CvtColor(diff, grey, ColorConversionCodes.BGR2GRAY);
        Cv2.Circle(grey, new Point((int)Math.Round(centre.X - region.X), (int)Math.Round(centre.Y - region.Y)),
            (int)Math.Ceiling(radius), Scalar.All(0), -1);
        using var changed = new Mat();
        Cv2.Threshold(grey, changed, tolerance, 255, ThresholdTypes.Binary);
        return Cv2.CountNonZero(changed);
    }
}
