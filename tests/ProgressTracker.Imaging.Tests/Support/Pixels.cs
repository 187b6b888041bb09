using OpenCvSharp;

namespace ProgressTracker.Imaging.Tests.Support;

internal static class Pixels
{
    /// <summary>(R, G, B) of a BGR pixel, which reads more naturally in assertions.</summary>
    public static (int R, int G, int B) Rgb(Mat bgr, int x, int y)
    {
        var p = bgr.At<Vec3b>(y, x);
        return (p.Item2, p.Item1, p.Item0);
    }

    public static void AssertNear((int R, int G, int B) expected, (int R, int G, int B) actual, int tolerance, string because = "")
    {
        var ok = Math.Abs(expected.R - actual.R) <= tolerance && Math.Abs(expected.G - actual.G) <= tolerance &&
                 Math.Abs(expected.B - actual.B) <= tolerance;
        Assert.True(ok, $"expected {expected} ±{tolerance}, got {actual} {because}");
    }
}
