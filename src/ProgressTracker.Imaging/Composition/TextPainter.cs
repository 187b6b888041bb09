using ImageMagick;
using ImageMagick.Drawing;
using OpenCvSharp;

namespace ProgressTracker.Imaging.Composition;

/// <summary>
/// Anti-aliased text in the embedded font. Text is drawn as a drawing primitive, never through ImageMagick's
/// property or file expansion, so a watermark such as "%w" or "@/etc/hosts" is drawn literally.
/// </summary>
internal static class TextPainter
{
    public static readonly MagickColor LabelColour = new(0xE8, 0xE8, 0xE6);
    public static readonly MagickColor TitleColour = new(0xFF, 0xFF, 0xFF);
    private static readonly MagickColor WatermarkText = new(0xFF, 0xFF, 0xFF, 0xC0);
    private static readonly MagickColor WatermarkBackdrop = new(0x00, 0x00, 0x00, 0x59);

    /// <summary>The largest size up to <paramref name="size"/> at which the text fits <paramref name="maxWidth"/>.</summary>
    public static double Fit(string text, double size, int maxWidth, double minimum = 9)
    {
        while (size > minimum && Measure(text, size).TextWidth > maxWidth) size = Math.Max(minimum, size * 0.92);
        return size;
    }

    /// <summary>
    /// The text broken into lines no wider than <paramref name="maxWidth"/> at <paramref name="size"/>: greedily at
    /// spaces, and inside a word only when the word alone is too wide. A blank text is one blank line.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, double size, int maxWidth)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var joined = line.Length == 0 ? word : $"{line} {word}";
            if (Measure(joined, size).TextWidth <= maxWidth)
            {
                line = joined;
                continue;
            }
            if (line.Length > 0) lines.Add(line);
            line = word;
            while (line.Length > 1 && Measure(line, size).TextWidth > maxWidth)
            {
                var fits = line.Length - 1;
                while (fits > 1 && Measure(line[..fits], size).TextWidth > maxWidth) fits--;
                lines.Add(line[..fits]);
                line = line[fits..];
            }
        }
        lines.Add(line);
        return lines;
    }

    public static ITypeMetric Measure(string text, double size) =>
        new Drawables().Font(EmbeddedFont.Path).FontPointSize(size).FontTypeMetrics(text)
        ?? throw new InvalidOperationException("The label font could not be measured.");

    /// <summary>Centred horizontally and vertically in <paramref name="box"/>.</summary>
    public static void Centred(MagickImage image, string text, Rect box, double size, MagickColor colour) =>
        Draw(image, text, box.X + box.Width / 2.0, Baseline(text, box, size), size, colour, TextAlignment.Center);

    /// <summary>From the left edge of <paramref name="box"/>, centred vertically.</summary>
    public static void Left(MagickImage image, string text, Rect box, double size, MagickColor colour) =>
        Draw(image, text, box.X, Baseline(text, box, size), size, colour, TextAlignment.Left);

    /// <summary>Ending at the right edge of <paramref name="box"/>, centred vertically.</summary>
    public static void Right(MagickImage image, string text, Rect box, double size, MagickColor colour) =>
        Draw(image, text, box.X + box.Width, Baseline(text, box, size), size, colour, TextAlignment.Right);

    /// <summary>In the bottom-right corner of <paramref name="photo"/>, on a translucent dark plate so it reads on light and dark skin and backdrops alike.</summary>
    public static void Watermark(MagickImage image, string text, Rect photo, double size)
    {
        var padding = Math.Max(3, size * 0.4);
        size = Fit(text, size, (int)(photo.Width - 4 * padding));
        var metric = Measure(text, size);
        var plateWidth = metric.TextWidth + 2 * padding;
        var plateHeight = metric.Ascent - metric.Descent + 2 * padding;
        var right = photo.X + photo.Width - padding;
        var bottom = photo.Y + photo.Height - padding;
        new Drawables()
            .FillColor(WatermarkBackdrop)
            .RoundRectangle(right - plateWidth, bottom - plateHeight, right, bottom, padding, padding)
            .Draw(image);
        Draw(image, text, right - padding, bottom - padding + metric.Descent, size, WatermarkText, TextAlignment.Right);
    }

    private static double Baseline(string text, Rect box, double size)
    {
        var metric = Measure(text, size);
        var glyphs = metric.Ascent - metric.Descent; // descent is negative
        return box.Y + (box.Height - glyphs) / 2 + metric.Ascent;
    }

    private static void Draw(MagickImage image, string text, double x, double baseline, double size, MagickColor colour,
        TextAlignment alignment) =>
        new Drawables()
            .Font(EmbeddedFont.Path)
            .FontPointSize(size)
            .FillColor(colour)
            .TextAlignment(alignment)
            .Text(x, baseline, text)
            .Draw(image);
}
