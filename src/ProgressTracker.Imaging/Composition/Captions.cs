using ImageMagick;

namespace ProgressTracker.Imaging.Composition;

/// <summary>The text of an export picture: the title, one label under each photo, and the watermark if asked for.</summary>
internal static class Captions
{
    /// <param name="labels">One per photo rectangle of <paramref name="layout"/>, in the same order.</param>
    /// <param name="labelSize">The type size of the labels; by default the largest at which all of them fit.</param>
    public static void Draw(MagickImage image, PanelLayout layout, string title, IReadOnlyList<string> labels,
        string? watermark, double? labelSize = null)
    {
        TextPainter.Left(image, title, layout.Title, TextPainter.Fit(title, layout.TitleSize, layout.Title.Width),
            TextPainter.TitleColour);
        Labels(image, layout, labels, labelSize);
        Watermarks(image, layout, watermark);
    }

    /// <summary>One label centred in the band under each photo, all at one size.</summary>
    public static void Labels(MagickImage image, PanelLayout layout, IReadOnlyList<string> labels, double? labelSize = null)
    {
        var size = labelSize ?? LabelSize(layout, labels);
        for (var i = 0; i < labels.Count; i++)
            TextPainter.Centred(image, labels[i], layout.Labels[i], size, TextPainter.LabelColour);
    }

    /// <summary>The watermark in a corner of every photo, if there is one.</summary>
    public static void Watermarks(MagickImage image, PanelLayout layout, string? watermark)
    {
        if (string.IsNullOrWhiteSpace(watermark)) return;
        foreach (var photo in layout.Photos) TextPainter.Watermark(image, watermark.Trim(), photo, layout.WatermarkSize);
    }

    /// <summary>One size for every label of a picture (the largest at which each fits its band), so they read as a set.</summary>
    public static double LabelSize(PanelLayout layout, IReadOnlyList<string> labels) =>
        labels.Select((label, i) => TextPainter.Fit(label, layout.LabelSize, layout.Labels[i].Width - 8)).Min();
}
