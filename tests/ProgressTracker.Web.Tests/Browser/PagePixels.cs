using Microsoft.Playwright;
using OpenCvSharp;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>What a page really draws: wait for its images, grab an element as pixels, compare two grabs.</summary>
internal static class PagePixels
{
    public static Task WaitForImagesAsync(IPage page) =>
        page.WaitForFunctionAsync("() => [...document.images].filter(i => i.getAttribute('src')).every(i => i.complete && i.naturalWidth > 0)");

    public static async Task<Mat> ShotAsync(ILocator locator) =>
        Cv2.ImDecode(await locator.ScreenshotAsync(), ImreadModes.Grayscale);

    /// <summary>Mean absolute grey-level difference over a vertical band (fractions of the width).</summary>
    public static double MeanDifference(Mat a, Mat b, double from, double to)
    {
        var band = new Rect((int)(a.Width * from), 0, Math.Max(1, (int)(a.Width * (to - from))), a.Height);
        using var diff = new Mat();
        Cv2.Absdiff(a[band], b[band], diff);
        return Cv2.Mean(diff).Val0;
    }
}
