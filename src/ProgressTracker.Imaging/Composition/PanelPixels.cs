using OpenCvSharp;

namespace ProgressTracker.Imaging.Composition;

/// <summary>A panel's photo cropped to its band (a view, no copy) and drawn into its place on a canvas.</summary>
internal static class PanelPixels
{
    /// <summary>The rows of the band, or the whole image; a new header over the caller's pixels, to dispose.</summary>
    public static Mat Cropped(DecodedPanel panel)
    {
        var image = panel.Image;
        if (panel.Crop is not { } band) return new Mat(image, new Rect(0, 0, image.Width, image.Height));
        var (from, to) = band.Rows(image.Height);
        return new Mat(image, new Rect(0, from, image.Width, to - from));
    }

    /// <summary>
    /// Resizes <paramref name="source"/> into <paramref name="place"/> on the canvas: area averaging when shrinking
    /// (no aliasing of skin texture), bicubic when enlarging (a small input next to a large one).
    /// </summary>
    public static void Place(Mat source, Mat canvas, Rect place)
    {
        using var target = new Mat(canvas, place);
        var shrinking = place.Width <= source.Width && place.Height <= source.Height;
        if (source.Size() == place.Size) source.CopyTo(target);
        else Cv2.Resize(source, target, place.Size, 0, 0, shrinking ? InterpolationFlags.Area : InterpolationFlags.Cubic);
    }
}
