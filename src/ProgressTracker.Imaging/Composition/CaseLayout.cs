using ImageMagick;
using OpenCvSharp;

namespace ProgressTracker.Imaging.Composition;

/// <summary>
/// Geometry of a case picture: the before and after photos side by side with a label under each (the export's
/// <see cref="PanelLayout"/> without a title line), then the caption lines across the picture, wrapped to its width,
/// and the case code small in the bottom-right corner, level with the last caption line. The code column is kept
/// free of caption text, so the two never overlap.
/// </summary>
internal sealed record CaseLayout(
    PanelLayout Row, Size Canvas, IReadOnlyList<string> Lines, IReadOnlyList<Rect> LineBoxes, Rect Caption, Rect Code,
    double CaptionSize, double CodeSize)
{
    /// <summary>Photos as tall as the display derivatives, so a pair at display size is not shrunk.</summary>
    public const int IdealHeight = DerivativeSpec.DisplayLongEdge;
    /// <summary>A small crop is enlarged to this height, so the caption and the code have room to be read.</summary>
    public const int MinPhotoHeight = 480;
    public const int MaxWidth = 6000;

    public static readonly MagickColor CodeColour = new(0xB8, 0xB8, 0xB4);

    public static CaseLayout Build(IReadOnlyList<Size> photos, IReadOnlyList<string> captionLines, string code)
    {
        var tallest = photos.Max(p => p.Height);
        var enlarge = Math.Max(1.0, (double)MinPhotoHeight / tallest);
        var sizes = photos.Select(p => new Size((int)Math.Round(p.Width * enlarge), (int)Math.Round(p.Height * enlarge))).ToList();
        var row = PanelLayout.Row(sizes, IdealHeight, MaxWidth, titled: false);

        var margin = row.Photos[0].X;
        var contentWidth = row.Canvas.Width - 2 * margin;
        var captionSize = Math.Clamp(row.LabelSize * 0.72, 14, 28);
        var codeSize = Math.Clamp(captionSize * 0.82, 13, 22);
        var lineHeight = (int)Math.Ceiling(captionSize * 1.5);
        var codeWidth = (int)Math.Ceiling(TextPainter.Measure(code, codeSize).TextWidth);

        // The code shares the last caption row when that leaves the caption at least half the width; else it
        // gets a row of its own under the caption.
        var shared = contentWidth - codeWidth - margin >= contentWidth / 2;
        var wrapWidth = shared ? contentWidth - codeWidth - margin : contentWidth;
        var lines = captionLines.SelectMany(l => TextPainter.Wrap(l.Trim(), captionSize, wrapWidth)).ToList();

        var top = row.Labels[0].Y + row.Labels[0].Height;
        var rows = Math.Max(1, lines.Count) + (shared || lines.Count == 0 ? 0 : 1);
        var boxes = lines.Select((_, i) => new Rect(margin, top + i * lineHeight, wrapWidth, lineHeight)).ToList();
        var codeBox = new Rect(margin, top + (rows - 1) * lineHeight, contentWidth, lineHeight);
        var canvas = new Size(row.Canvas.Width, top + rows * lineHeight + margin);
        return new CaseLayout(row, canvas, lines, boxes, new Rect(margin, top, contentWidth, rows * lineHeight), codeBox,
            captionSize, codeSize);
    }

    /// <summary>Draws the caption lines and the case code (the labels and watermarks belong to <see cref="Row"/>).</summary>
    public void DrawText(MagickImage image, string code)
    {
        for (var i = 0; i < Lines.Count; i++)
            TextPainter.Left(image, Lines[i], LineBoxes[i], CaptionSize, TextPainter.LabelColour);
        TextPainter.Right(image, code, Code, CodeSize, CodeColour);
    }
}
