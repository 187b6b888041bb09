using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ProgressTracker.Web.Features.Consents.Document;

/// <summary>
/// Writes text down A4 pages: word wrap, mixed bold runs, indents, and a new page (with the footer) when the next
/// line or image would cross the bottom margin. A plain layout on purpose: the document is a record, not a brochure.
/// </summary>
public sealed class PdfTextFlow : IDisposable
{
    private const double Margin = 56;
    private const double FooterSize = 8;
    private readonly PdfDocument _document;
    private readonly string _footer;
    private XGraphics _gfx = null!;
    private PdfPage _page = null!;
    private int _pageNumber;

    public PdfTextFlow(PdfDocument document, string footer)
    {
        _document = document;
        _footer = footer;
        NewPage();
    }

    public double Y { get; private set; }
    private double Width => _page.Width.Point - 2 * Margin;
    private double Bottom => _page.Height.Point - Margin - 16;

    public static XFont Font(double size, bool bold = false) =>
        new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    public void Space(double points) => Y += points;

    /// <summary>Runs of text wrapped as one paragraph; <paramref name="indent"/> shifts every line right.</summary>
    public void Paragraph(IReadOnlyList<(string Text, bool Bold)> runs, double size, double indent = 0,
        XBrush? brush = null, string? marker = null)
    {
        var words = Words(runs);
        var lineHeight = size * 1.4;
        var first = true;
        var i = 0;
        while (i < words.Count)
        {
            var line = new List<Word>();
            double used = 0;
            while (i < words.Count)
            {
                var word = words[i];
                var gap = line.Count > 0 && !word.Glued ? " " : "";
                var width = _gfx.MeasureString(gap + word.Text, Font(size, word.Bold)).Width;
                if (line.Count > 0 && used + width > Width - indent) break;
                line.Add(line.Count == 0 ? word with { Glued = true } : word);
                used += width;
                i++;
            }
            EnsureRoom(lineHeight);
            var baseline = Y + size;
            if (first && marker is not null)
                _gfx.DrawString(marker, Font(size), brush ?? XBrushes.Black, Margin + indent - size, baseline);
            DrawLine(line, size, Margin + indent, baseline, brush ?? XBrushes.Black);
            Y += lineHeight;
            first = false;
        }
    }

    public void Paragraph(string text, double size, bool bold = false, double indent = 0, XBrush? brush = null) =>
        Paragraph([(text, bold)], size, indent, brush);

    /// <summary>A label and its value side by side; the value wraps in its own column.</summary>
    public void Fact(string label, string value, double size = LabelSize)
    {
        const double labelWidth = 150;
        EnsureRoom(LabelSize * 1.4);
        var start = Y;
        _gfx.DrawString(label, Font(LabelSize), XBrushes.DimGray, Margin, Y + LabelSize);
        Y += LabelSize - size; // a smaller value shares the label's baseline
        Paragraph([(value, false)], size, labelWidth);
        Y = Math.Max(Y, start + LabelSize * 1.4) + 2;
    }

    private const double LabelSize = 9.5;

    /// <summary>An image scaled to fit within the given box, keeping its proportions.</summary>
    public void Image(XImage image, double maxWidth, double maxHeight)
    {
        var scale = Math.Min(1, Math.Min(maxWidth / image.PointWidth, maxHeight / image.PointHeight));
        var (w, h) = (image.PointWidth * scale, image.PointHeight * scale);
        EnsureRoom(h + 4);
        _gfx.DrawRectangle(XPens.LightGray, Margin, Y, w + 8, h + 8);
        _gfx.DrawImage(image, Margin + 4, Y + 4, w, h);
        Y += h + 12;
    }

    public void Rule()
    {
        EnsureRoom(8);
        _gfx.DrawLine(XPens.LightGray, Margin, Y + 4, Margin + Width, Y + 4);
        Y += 10;
    }

    /// <summary>Starts a new page when fewer than <paramref name="points"/> remain (keeps a heading with its text).</summary>
    public void KeepTogether(double points)
    {
        if (Y + points > Bottom) NewPage();
    }

    private void EnsureRoom(double points)
    {
        if (Y + points > Bottom) NewPage();
    }

    /// <summary>A word, and whether it follows the previous one without a space ("**bold**:" is two words, glued).</summary>
    private sealed record Word(string Text, bool Bold, bool Glued);

    private static List<Word> Words(IReadOnlyList<(string Text, bool Bold)> runs)
    {
        var words = new List<Word>();
        var spaceBefore = true;
        foreach (var (text, bold) in runs)
        {
            var parts = text.Split(' ');
            for (var p = 0; p < parts.Length; p++)
            {
                if (parts[p].Length == 0) { spaceBefore = true; continue; }
                words.Add(new Word(parts[p], bold, Glued: p == 0 && !spaceBefore));
                spaceBefore = false;
            }
            spaceBefore = text.EndsWith(' ');
        }
        return words;
    }

    private void DrawLine(List<Word> line, double size, double x, double baseline, XBrush brush)
    {
        // Words of one weight are drawn as one string (with their spaces), so text readers see ordinary sentences.
        for (var start = 0; start < line.Count;)
        {
            var bold = line[start].Bold;
            var end = start;
            while (end < line.Count && line[end].Bold == bold) end++;
            var text = string.Concat(line[start..end].Select((w, n) => (n > 0 && !w.Glued ? " " : "") + w.Text))
                       + (end < line.Count && !line[end].Glued ? " " : "");
            var font = Font(size, bold);
            _gfx.DrawString(text, font, brush, x, baseline);
            x += _gfx.MeasureString(text, font).Width;
            start = end;
        }
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _pageNumber++;
        Y = Margin;
        var footer = $"{_footer} · page {_pageNumber}";
        _gfx.DrawString(footer, Font(FooterSize), XBrushes.Gray, Margin, _page.Height.Point - Margin + 12);
    }

    public void Dispose() => _gfx?.Dispose();
}
