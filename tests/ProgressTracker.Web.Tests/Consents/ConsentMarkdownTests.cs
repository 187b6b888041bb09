using ProgressTracker.Web.Features.Consents;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Consents;

/// <summary>The consent text's Markdown subset: the blocks the page and the PDF share, and HTML that carries no markup from the text.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class ConsentMarkdownTests
{
    [Fact]
    public void Html_from_the_text_carries_no_markup_links_or_scripts_of_its_own()
    {
        var html = ConsentMarkdown.ToHtml(
            "# Title <b>x</b>\n\nHello <script>alert(1)</script> **bold** [link](javascript:alert(2)) <img src=x onerror=y>\n\n- one\n- **two**: more\n\n> note");
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("<h3>Title &lt;b&gt;x&lt;/b&gt;</h3>", html);
        Assert.Contains("<strong>bold</strong>", html);
        Assert.Contains("<ul>\n<li>one</li>\n<li><strong>two</strong>: more</li>\n</ul>", html);
        Assert.Contains("<blockquote><p>note</p></blockquote>", html);
    }

    [Fact]
    public void Lines_join_into_paragraphs_bullets_and_quotes()
    {
        var blocks = ConsentMarkdown.Parse("> **Template** first\n> second\n\n## Head\nLine one\nline two\n- item\n  continued\n\nunpaired ** stays");
        Assert.Equal(
            [MarkdownBlockKind.Quote, MarkdownBlockKind.Heading, MarkdownBlockKind.Paragraph, MarkdownBlockKind.Bullet, MarkdownBlockKind.Paragraph],
            blocks.Select(b => b.Kind));
        Assert.Equal("Template first second", blocks[0].PlainText);
        Assert.True(blocks[0].Spans[0].Bold);
        Assert.Equal(2, blocks[1].Level);
        Assert.Equal("Line one line two", blocks[2].PlainText);
        Assert.Equal("item continued", blocks[3].PlainText);
        Assert.Equal("unpaired ** stays", blocks[4].PlainText);
    }
}
