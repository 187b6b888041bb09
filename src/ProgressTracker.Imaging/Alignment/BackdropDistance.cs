using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// How unlike the backdrop each pixel is (0 = backdrop, 50 = one unit, capped at 255): hue difference plus any
/// lightness difference beyond what a soft cast shadow explains. Skin differs in hue and a dark garment in
/// lightness, so both stand out; the subject's own shadow on the backdrop does not. Whole-image operations, so
/// OpenCV's vectorised, multi-threaded kernels do the per-pixel work.
/// </summary>
internal static class BackdropDistance
{
    private const double ShadowTolerance = 0.33; // |ln(lightness ratio)| a cast shadow can reach (≈ 28 % darker)
    private const double ChromaUnit = 0.03;
    private const double LightnessUnit = 0.25;

    /// <summary>Scores every pixel; CV_8UC1.</summary>
    public static Mat Score(Mat bgr, BackdropModel model)
    {
        using var pixel = new Mat();
        bgr.ConvertTo(pixel, MatType.CV_32FC3, 1, 1);
        using var backdrop = model.Render(bgr.Size());
        // max(·, 0) + 1. (Operations with a Scalar operand are very slow in OpenCvSharp; these are not.)
        Cv2.Threshold(backdrop, backdrop, 0, 0, ThresholdTypes.Tozero);
        backdrop.ConvertTo(backdrop, MatType.CV_32FC3, 1, 1);

        using var sum = ChannelSum(pixel);
        using var modelSum = ChannelSum(backdrop);
        // Chromaticity (each channel over the sum) difference, squared and summed over channels.
        using var chroma = new Mat();
        using (var a = Chromaticity(pixel, sum))
        using (var b = Chromaticity(backdrop, modelSum))
        {
            Cv2.Subtract(a, b, a);
            Cv2.Multiply(a, a, a);
            using var squared = ChannelSum(a);
            squared.ConvertTo(chroma, MatType.CV_32FC1, 1 / (ChromaUnit * ChromaUnit));
        }

        using var lightness = new Mat();
        Cv2.Divide(sum, modelSum, lightness);
        Cv2.Log(lightness, lightness);
        using (var negated = new Mat())
        {
            lightness.ConvertTo(negated, MatType.CV_32FC1, -1);
            Cv2.Max(lightness, negated, lightness);
        }
        lightness.ConvertTo(lightness, MatType.CV_32FC1, 1, -ShadowTolerance);
        Cv2.Threshold(lightness, lightness, 0, 0, ThresholdTypes.Tozero);
        Cv2.Multiply(lightness, lightness, lightness, 1 / (LightnessUnit * LightnessUnit));

        Cv2.Add(chroma, lightness, chroma);
        Cv2.Sqrt(chroma, chroma);
        var score = new Mat();
        chroma.ConvertTo(score, MatType.CV_8UC1, 50); // saturates at 255
        return score;
    }

    private static Mat ChannelSum(Mat image)
    {
        var sum = new Mat();
        using var ones = new Mat(1, 3, MatType.CV_32FC1, Scalar.All(1));
        Cv2.Transform(image, sum, ones);
        return sum;
    }

    private static Mat Chromaticity(Mat image, Mat sum)
    {
        using var sums = new Mat();
        Cv2.Merge([sum, sum, sum], sums);
        var result = new Mat();
        Cv2.Divide(image, sums, result);
        return result;
    }
}
