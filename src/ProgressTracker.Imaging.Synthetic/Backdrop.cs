using OpenCvSharp;

namespace ProgressTracker.Imaging.Synthetic;

/// <summary>A plain studio backdrop: light warm grey, brighter behind the subject, with the subject's soft shadow.</summary>
internal static class Backdrop
{
    /// <summary>BGR 0..255, 3 floats per pixel.</summary>
    public static float[] Render(int width, int height, Mat coverage)
    {
        using var shadow = CastShadow(coverage, width, height);
        shadow.GetArray(out float[] shade);

        var rgb = new float[width * height * 3];
        Parallel.For(0, height, row =>
        {
            var v = (double)row / Math.Max(1, height - 1);
            for (var col = 0; col < width; col++)
            {
                var u = (col - width / 2.0) / Math.Max(1, width);
                // Vertical grade plus a gentle pool of light behind the subject.
                var level = 0.93 - 0.09 * v - 0.10 * u * u;
                var i = row * width + col;
                level *= 1 - 0.30 * shade[i];
                rgb[i * 3] = (float)(226 * level);
                rgb[i * 3 + 1] = (float)(230 * level);
                rgb[i * 3 + 2] = (float)(232 * level);
            }
        });
        return rgb;
    }

    /// <summary>The subject's coverage, offset away from the key light (upper left) and blurred wide.</summary>
    private static Mat CastShadow(Mat coverage, int width, int height)
    {
        // A shadow this soft has no fine detail, so it is blurred at a quarter of the size (much faster).
        const int reduce = 4;
        var small = new Size(Math.Max(1, width / reduce), Math.Max(1, height / reduce));
        using var shadow = new Mat();
        Cv2.Resize(coverage, shadow, small, 0, 0, InterpolationFlags.Area);
        shadow.ConvertTo(shadow, MatType.CV_32FC1, 1 / 255.0);
        using var shift = new Mat(2, 3, MatType.CV_64FC1);
        shift.SetArray(new double[] { 1, 0, 0.025 * small.Height, 0, 1, 0.012 * small.Height });
        Cv2.WarpAffine(shadow, shadow, shift, small, InterpolationFlags.Linear, BorderTypes.Replicate);
        Cv2.GaussianBlur(shadow, shadow, new Size(0, 0), Math.Max(0.5, 0.022 * small.Height));
        var full = new Mat();
        Cv2.Resize(shadow, full, new Size(width, height), 0, 0, InterpolationFlags.Linear);
        return full;
    }
}
