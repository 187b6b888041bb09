using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ProgressTracker.Web.Features.Consents.Document;

/// <summary>What the signed document shows besides the consent itself.</summary>
public sealed record ConsentPdfContent(Consent Consent, string ClinicName, string Title, byte[]? Signature,
    DateOnly Today, DateTimeOffset GeneratedAt);

/// <summary>
/// The signed consent as a PDF: who signed what, for which uses and photos, until when, the exact text with its
/// version and SHA-256 (so anyone can check it is the text signed), the drawn signature, and whether it was
/// withdrawn. The patient's copy and the clinic's record are the same document.
/// </summary>
public static class ConsentPdf
{
    public const string ContentType = "application/pdf";

    public static string FileName(Consent c) => $"consent-{(c.GrantedAt ?? c.CreatedAt).UtcDateTime:yyyy-MM-dd}.pdf";

    public static byte[] Render(ConsentPdfContent content)
    {
        PdfFonts.EnsureInstalled();
        var c = content.Consent;
        using var document = new PdfDocument();
        document.Info.Title = content.Title;
        document.Info.Subject = $"Consent signed by {c.SignedName}";
        document.Info.Creator = "ProgressTracker";
        using (var flow = new PdfTextFlow(document, $"{content.ClinicName} · consent {c.Id} · generated {ConsentWords.Moment(content.GeneratedAt)}"))
        {
            flow.Paragraph(content.ClinicName, 11, brush: XBrushes.DimGray);
            flow.Paragraph(content.Title, 18, bold: true);
            flow.Space(4);
            if (c.RevokedAt is { } revoked)
                flow.Paragraph($"Withdrawn on {ConsentWords.Day(revoked)}: this consent no longer allows any use.", 11,
                    bold: true, brush: XBrushes.DarkRed);
            flow.Rule();
            Facts(flow, content);
            flow.Rule();

            flow.KeepTogether(60);
            flow.Paragraph("The text signed", 13, bold: true);
            flow.Paragraph($"Version {c.TextVersion} · SHA-256 {c.TextSha256}", 8, brush: XBrushes.DimGray);
            flow.Space(6);
            SignedText(flow, c.TextMarkdown);

            flow.Rule();
            Signature(flow, content);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Facts(PdfTextFlow flow, ConsentPdfContent content)
    {
        var c = content.Consent;
        flow.Fact("Signed by", c.SignedName);
        flow.Fact("Status", ConsentWords.Status(c.StatusOn(content.Today)));
        flow.Fact("Uses", ConsentWords.Uses(c.Uses));
        flow.Fact("Photos covered", ConsentWords.Coverage(c));
        flow.Fact("Identifiable features", ConsentWords.Identifiable(c.Identifiable));
        flow.Fact("Review each picture", ConsentWords.Review(c.ReviewEachPicture));
        flow.Fact("Granted", c.GrantedAt is { } g ? ConsentWords.Moment(g) : "Not yet: waiting for the signed form");
        flow.Fact("Expires", ConsentWords.Expiry(c.ExpiresOn));
        flow.Fact("Method", ConsentWords.Method(c.Method));
        if (c.RevokedAt is { } r)
            flow.Fact("Withdrawn", $"{ConsentWords.Moment(r)}{(c.RevokedVia == "paper" ? " (received in writing)" : " (in the patient portal)")}");
        flow.Fact("Text version", c.TextVersion);
        flow.Fact("Text SHA-256", c.TextSha256, size: 8); // 64 hex digits on one line
    }

    private static void SignedText(PdfTextFlow flow, string markdown)
    {
        foreach (var block in ConsentMarkdown.Parse(markdown))
        {
            var runs = block.Spans.Select(s => (s.Text, s.Bold)).ToList();
            switch (block.Kind)
            {
                case MarkdownBlockKind.Heading:
                    flow.KeepTogether(48);
                    flow.Space(4);
                    flow.Paragraph(block.PlainText, block.Level == 1 ? 13 : 11, bold: true);
                    break;
                case MarkdownBlockKind.Bullet:
                    flow.Paragraph(runs, 10, indent: 14, marker: "•");
                    break;
                case MarkdownBlockKind.Quote:
                    flow.Paragraph(runs, 9, indent: 10, brush: XBrushes.DimGray);
                    flow.Space(4);
                    break;
                default:
                    flow.Paragraph(runs, 10);
                    flow.Space(4);
                    break;
            }
        }
    }

    private static void Signature(PdfTextFlow flow, ConsentPdfContent content)
    {
        var c = content.Consent;
        flow.KeepTogether(150);
        flow.Paragraph("Signature", 13, bold: true);
        if (content.Signature is { Length: > 0 } png)
        {
            using var stream = new MemoryStream(png, writable: false);
            using var image = XImage.FromStream(stream);
            flow.Image(image, 260, 110);
        }
        else if (c.Method == ConsentMethod.PaperForm)
        {
            flow.Paragraph("Signed by hand on the paper form; the clinic keeps the scan of the signed form.", 10);
        }
        else
        {
            flow.Paragraph("The drawn signature could not be found.", 10);
        }
        flow.Paragraph($"{c.SignedName} · {(c.GrantedAt is { } g ? ConsentWords.Moment(g) : "not yet in force")}", 10);
    }
}
