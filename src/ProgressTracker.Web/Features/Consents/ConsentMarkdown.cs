using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ProgressTracker.Web.Features.Consents;

public enum MarkdownBlockKind { Heading, Paragraph, Bullet, Quote }

/// <summary>A run of text, bold or not.</summary>
public sealed record MarkdownSpan(string Text, bool Bold);

/// <summary>One block of a consent text; <see cref="Level"/> is the heading level (1–3) for headings.</summary>
public sealed record MarkdownBlock(MarkdownBlockKind Kind, IReadOnlyList<MarkdownSpan> Spans, int Level = 0)
{
    public string PlainText => string.Concat(Spans.Select(s => s.Text));
}

/// <summary>
/// The small part of Markdown a consent text needs: headings, paragraphs, bullets, quotes and bold. Everything else
/// is shown as the literal text it is, so the HTML carries no markup, links or scripts from the text; the PDF and the
/// page read the same blocks, so the patient's copy says what the screen said.
/// </summary>
public static partial class ConsentMarkdown
{
    public static IReadOnlyList<MarkdownBlock> Parse(string markdown)
    {
        var blocks = new List<MarkdownBlock>();
        var pending = new StringBuilder();
        var pendingKind = MarkdownBlockKind.Paragraph;

        void Flush()
        {
            if (pending.Length > 0) blocks.Add(new MarkdownBlock(pendingKind, Spans(pending.ToString())));
            pending.Clear();
        }

        foreach (var raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) { Flush(); continue; }
            if (Heading().Match(line) is { Success: true } h)
            {
                Flush();
                blocks.Add(new MarkdownBlock(MarkdownBlockKind.Heading, Spans(h.Groups[2].Value),
                    Math.Min(h.Groups[1].Length, 3)));
                continue;
            }
            if (Bullet().Match(line) is { Success: true } b)
            {
                Flush();
                pendingKind = MarkdownBlockKind.Bullet;
                pending.Append(b.Groups[1].Value);
                continue;
            }
            if (line.StartsWith('>'))
            {
                if (pendingKind != MarkdownBlockKind.Quote) Flush();
                pendingKind = MarkdownBlockKind.Quote;
                line = line.TrimStart('>').Trim();
                if (line.Length == 0) { Flush(); continue; } // a blank quoted line ends a quoted paragraph
            }
            // A plain line continues whatever is open (paragraph, bullet or quote), as Markdown's lazy lines do.
            else if (pending.Length == 0) pendingKind = MarkdownBlockKind.Paragraph;
            if (pending.Length > 0) pending.Append(' ');
            pending.Append(line);
        }
        Flush();
        return blocks;
    }

    /// <summary>HTML of the blocks: every character of the text encoded; only our own tags.</summary>
    public static string ToHtml(string markdown)
    {
        var html = new StringBuilder();
        var inList = false;
        foreach (var block in Parse(markdown))
        {
            if (inList && block.Kind != MarkdownBlockKind.Bullet) { html.Append("</ul>\n"); inList = false; }
            var inner = Inline(block.Spans);
            switch (block.Kind)
            {
                case MarkdownBlockKind.Heading:
                    // The page has its own h1/h2; the text's headings sit below them.
                    var level = Math.Min(block.Level + 2, 4);
                    html.Append($"<h{level}>{inner}</h{level}>\n");
                    break;
                case MarkdownBlockKind.Bullet:
                    if (!inList) { html.Append("<ul>\n"); inList = true; }
                    html.Append($"<li>{inner}</li>\n");
                    break;
                case MarkdownBlockKind.Quote:
                    html.Append($"<blockquote><p>{inner}</p></blockquote>\n");
                    break;
                default:
                    html.Append($"<p>{inner}</p>\n");
                    break;
            }
        }
        if (inList) html.Append("</ul>\n");
        return html.ToString();
    }

    private static string Inline(IReadOnlyList<MarkdownSpan> spans) => string.Concat(spans.Select(s =>
        s.Bold ? $"<strong>{WebUtility.HtmlEncode(s.Text)}</strong>" : WebUtility.HtmlEncode(s.Text)));

    /// <summary>"**bold**" pairs become bold spans; an unpaired "**" stays as typed.</summary>
    private static List<MarkdownSpan> Spans(string text)
    {
        var spans = new List<MarkdownSpan>();
        var parts = text.Split("**");
        for (var i = 0; i < parts.Length; i++)
        {
            var bold = i % 2 == 1 && i < parts.Length - 1;
            var part = !bold && i % 2 == 1 ? "**" + parts[i] : parts[i];
            if (part.Length > 0) spans.Add(new MarkdownSpan(part, bold));
        }
        return spans;
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*#*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[-*+]\s+(.*)$")]
    private static partial Regex Bullet();
}
