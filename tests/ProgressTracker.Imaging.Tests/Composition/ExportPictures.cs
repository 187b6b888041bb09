using OpenCvSharp;
using ProgressTracker.Imaging.Composition;

namespace ProgressTracker.Imaging.Tests.Composition;

/// <summary>
/// Inputs with known ground truth: flat, strongly coloured "photos" whose position in the output can be found by
/// colour, and helpers that read an export back.
/// </summary>
internal static class ExportPictures
{
    public static readonly Scalar[] Colours =
    [
        new(40, 40, 220), new(40, 200, 40), new(220, 60, 40), new(40, 220, 220), new(220, 40, 220), new(200, 200, 40),
    ];

    public static Mat Flat(int width, int height, int colour) => new(height, width, MatType.CV_8UC3, Colours[colour % Colours.Length]);

    public static DecodedComposition Request(CompositionKind kind, IReadOnlyList<Mat> images, string? watermark = null,
        IReadOnlyList<string>? labels = null, CropBand? crop = null) =>
        new(kind, images.Select((m, i) => new DecodedPanel(m, labels?[i] ?? $"{i + 1} Mar 2026 · week {i}", crop)).ToList(),
            "Left lateral", watermark);

    public static Mat Decode(byte[] jpeg)
    {
        var image = Cv2.ImDecode(jpeg, ImreadModes.Color);
        Assert.False(image.Empty(), "the export does not decode as an image");
        return image;
    }

    /// <summary>Index of the known colour nearest to the pixel, or -1 for the stage (or anything else).</summary>
    public static int ColourAt(Mat image, int x, int y)
    {
        var p = image.At<Vec3b>(y, x);
        for (var i = 0; i < Colours.Length; i++)
        {
            var c = Colours[i];
            if (Math.Abs(p.Item0 - c.Val0) + Math.Abs(p.Item1 - c.Val1) + Math.Abs(p.Item2 - c.Val2) < 60) return i;
        }
        return -1;
    }

    /// <summary>The runs of known colours along one row: (colour, first x, width), left to right.</summary>
    public static List<(int Colour, int X, int Width)> Runs(Mat image, int y)
    {
        var runs = new List<(int Colour, int X, int Width)>();
        var width = image.Width;
        for (var x = 0; x < width; x++)
        {
            var colour = ColourAt(image, x, y);
            if (colour < 0) continue;
            if (runs.Count > 0 && runs[^1].Colour == colour && runs[^1].X + runs[^1].Width == x)
                runs[^1] = (colour, runs[^1].X, runs[^1].Width + 1);
            else runs.Add((colour, x, 1));
        }
        return runs.Where(r => r.Width > 4).ToList();
    }

    /// <summary>First and one-past-last row where column <paramref name="x"/> shows a known colour.</summary>
    public static (int Top, int Bottom) PhotoRows(Mat image, int x)
    {
        int top = -1, bottom = -1;
        var height = image.Height;
        for (var y = 0; y < height; y++)
        {
            if (ColourAt(image, x, y) < 0) continue;
            if (top < 0) top = y;
            bottom = y + 1;
        }
        return (top, bottom);
    }

    /// <summary>How many pixels of the region are much brighter than the stage: drawn text.</summary>
    public static int BrightPixels(Mat image, Rect region)
    {
        using var roi = new Mat(image, region);
        using var grey = new Mat();
        Cv2.CvtColor(roi, grey, ColorConversionCodes.BGR2GRAY);
        using var bright = new Mat();
        Cv2.Threshold(grey, bright, 110, 255, ThresholdTypes.Binary);
        return Cv2.CountNonZero(bright);
    }

    /// <summary>Pixels that differ by more than <paramref name="tolerance"/> in any channel.</summary>
    public static int DifferentPixels(Mat a, Mat b, Rect region, int tolerance = 24)
    {
        using var ra = new Mat(a, region);
        using var rb = new Mat(b, region);
        using var diff = new Mat();
        Cv2.Absdiff(ra, rb, diff);
        var channels = diff.Split();
        try
        {
            using var largest = new Mat();
            Cv2.Max(channels[0], channels[1], largest);
            Cv2.Max(largest, channels[2], largest);
            using var mask = new Mat();
            Cv2.Threshold(largest, mask, tolerance, 255, ThresholdTypes.Binary);
            return Cv2.CountNonZero(mask);
        }
        finally
        {
            foreach (var c in channels) c.Dispose();
        }
    }
}
