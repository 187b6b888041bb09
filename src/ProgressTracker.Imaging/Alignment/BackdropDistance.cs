using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// How unlike the backdrop each pixel is (0 = backdrop, 50 = one unit, capped at 255): hue difference plus any
/// lightness difference beyond what a soft cast shadow explains. Skin differs in hue and a dark garment in
/// lightness, so both stand out; the subject's own shadow on the backdrop does not.
/// </summary>
internal static class BackdropDistance
{
    private const double ShadowTolerance = 0.33; // |ln(lightness ratio)| a cast shadow can reach (≈ 28 % darker)
    private const double ChromaUnit = 0.03;
    private const double LightnessUnit = 0.25;

    public static Mat Score(Mat bgr, BackdropModel model)
    {
        var backdrop = model.Render(bgr.Size());
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
        var score = new Mat(bgr.Rows, bgr.Cols, MatType.CV_8UC1);
        score.SetArray(distance);
        return score;
    }
}
