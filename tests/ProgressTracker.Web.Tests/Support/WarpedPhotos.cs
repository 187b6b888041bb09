using OpenCvSharp;
using ProgressTracker.Imaging;
using ProgressTracker.Imaging.Synthetic;

namespace ProgressTracker.Web.Tests.Support;

/// <summary>
/// A follow-up photo with a known misalignment: the same synthetic body (smaller hip dip: the treatment effect)
/// rotated, scaled and shifted. Returns the JPEG and the true matrix mapping its pixels onto the baseline's.
/// </summary>
public static class WarpedPhotos
{
    public static (byte[] Jpeg, double[] PhotoToBaseline) Make(string view, int seed, double dip, double degrees,
        double scale, double shiftX, double shiftY, int width = 900, int height = 1200)
    {
        using var body = SyntheticBody.Render(new SyntheticBodyOptions(width, height, view, dip, seed));
        var centre = new Point2f(width / 2f, height / 2f);
        using var forward = Cv2.GetRotationMatrix2D(centre, degrees, scale); // baseline pixels → photo pixels
        forward.Set(0, 2, forward.Get<double>(0, 2) + shiftX);
        forward.Set(1, 2, forward.Get<double>(1, 2) + shiftY);
        using var warped = new Mat();
        var backdrop = body.At<Vec3b>(2, 2);
        Cv2.WarpAffine(body, warped, forward, body.Size(), InterpolationFlags.Linear, BorderTypes.Constant,
            new Scalar(backdrop.Item0, backdrop.Item1, backdrop.Item2));
        using var inverse = new Mat();
        Cv2.InvertAffineTransform(forward, inverse);
        double[] truth = [inverse.Get<double>(0, 0), inverse.Get<double>(0, 1), inverse.Get<double>(0, 2),
            inverse.Get<double>(1, 0), inverse.Get<double>(1, 1), inverse.Get<double>(1, 2)];
        return (warped.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 92)), truth);
    }

    /// <summary>Largest distance between where the two matrices send the image corners.</summary>
    public static double CornerError(double[] a, double[] b, int width, int height)
    {
        var worst = 0.0;
        foreach (var (x, y) in new[] { (0.0, 0.0), (width, 0.0), (0.0, height), ((double)width, (double)height) })
        {
            var dx = (a[0] * x + a[1] * y + a[2]) - (b[0] * x + b[1] * y + b[2]);
            var dy = (a[3] * x + a[4] * y + a[5]) - (b[3] * x + b[4] * y + b[5]);
            worst = Math.Max(worst, Math.Sqrt(dx * dx + dy * dy));
        }
        return worst;
    }

    public static (double X, double Y) Apply(double[] m, double x, double y) =>
        (m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]);
}
