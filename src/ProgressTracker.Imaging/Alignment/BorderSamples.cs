using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>One pixel from the frame's border: where it is, its colour, and how much the image varies around it.</summary>
internal readonly record struct BorderSample(int X, int Y, Vec3b Colour, float Texture);

/// <summary>
/// Picks the backdrop out of the frame's border. The backdrop is the border's plainest large colour cluster: a
/// patient framed off-centre can fill most of one side and of the top and bottom edges with skin, so the most
/// common colour alone is not enough, but skin and garments carry shading and texture that a backdrop lacks.
/// </summary>
internal static class BorderSamples
{
    private const int Bin = 24;

    public static List<BorderSample> Collect(Mat bgr)
    {
        int w = bgr.Width, h = bgr.Height, band = Math.Max(2, Math.Min(w, h) / 40);
        using var texture = Texture(bgr);
        bgr.GetArray(out Vec3b[] pixels);
        texture.GetArray(out float[] variation);
        var samples = new List<BorderSample>();
        for (var y = 0; y < h; y++)
        {
            var inner = y >= band && y < h - band;
            for (var x = 0; x < w; x++)
            {
                if (inner && x == band) x = w - band; // only the left and right strips of inner rows
                if ((x + y) % 2 == 0) samples.Add(new BorderSample(x, y, pixels[y * w + x], variation[y * w + x]));
            }
        }
        return samples;
    }

    /// <summary>Marks the samples of the plainest of the border's few largest colour clusters.</summary>
    public static bool[] Backdrop(IReadOnlyList<BorderSample> samples)
    {
        var counts = new Dictionary<int, int>();
        foreach (var s in samples) counts[Key(s.Colour)] = counts.GetValueOrDefault(Key(s.Colour)) + 1;
        bool[]? best = null;
        var bestScore = double.MinValue;
        foreach (var mode in counts.OrderByDescending(kv => kv.Value).Take(4).Select(kv => kv.Key))
        {
            var members = samples.Select(s => Near(s.Colour, mode)).ToArray();
            var count = members.Count(m => m);
            if (count < samples.Count / 10) continue;
            var texture = samples.Where((_, i) => members[i]).Average(s => s.Texture);
            var score = count / (1.0 + texture);
            if (score > bestScore) (best, bestScore) = (members, score);
        }
        return best ?? samples.Select(_ => true).ToArray();
    }

    /// <summary>Gradient magnitude after a blur that removes sensor noise but keeps shading and skin detail.</summary>
    private static Mat Texture(Mat bgr)
    {
        using var grey = new Mat();
        Cv2.CvtColor(bgr, grey, ColorConversionCodes.BGR2GRAY);
        grey.ConvertTo(grey, MatType.CV_32FC1);
        Cv2.GaussianBlur(grey, grey, new Size(0, 0), 1.5);
        using var dx = new Mat();
        using var dy = new Mat();
        Cv2.Sobel(grey, dx, MatType.CV_32FC1, 1, 0, 3, 0.125);
        Cv2.Sobel(grey, dy, MatType.CV_32FC1, 0, 1, 3, 0.125);
        var magnitude = new Mat();
        Cv2.Magnitude(dx, dy, magnitude);
        return magnitude;
    }

    private static int Key(Vec3b c) => c.Item0 / Bin * 4096 + c.Item1 / Bin * 64 + c.Item2 / Bin;

    private static bool Near(Vec3b c, int key)
    {
        double b = (key / 4096 + 0.5) * Bin, g = (key / 64 % 64 + 0.5) * Bin, r = (key % 64 + 0.5) * Bin;
        return Math.Abs(c.Item0 - b) + Math.Abs(c.Item1 - g) + Math.Abs(c.Item2 - r) < 1.5 * Bin;
    }
}
