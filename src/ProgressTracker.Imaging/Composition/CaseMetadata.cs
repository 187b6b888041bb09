using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ProgressTracker.Imaging.Composition;

/// <summary>
/// The provenance of a case picture as an XMP packet in an APP1 segment ("http://ns.adobe.com/xap/1.0/\0"): the case
/// id, the case code (also as dc:identifier, which general tools show) and the consent ids, in a small namespace of
/// our own. It is the only metadata the picture carries, so a copy found published can be traced to its case and to
/// the consents it rests on; the visible case code in the corner survives where metadata is stripped.
/// </summary>
public static class CaseMetadata
{
    public const string Namespace = "https://progresstracker.example/ns/case/1.0/";

    private const byte App1 = 0xE1;
    private static readonly byte[] XmpHeader = Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0");
    private static readonly XNamespace X = "adobe:ns:meta/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Pt = Namespace;

    /// <summary>
    /// The provenance written by <see cref="CaseRenderer.Render"/>, or null when the bytes are no JPEG or carry no
    /// readable case packet (stripped, or from elsewhere).
    /// </summary>
    public static CaseProvenance? Read(byte[] jpeg)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        foreach (var segment in JpegSegments.Header(jpeg))
        {
            var payload = jpeg.AsSpan(segment.Offset, segment.Length);
            if (segment.Marker != App1 || !payload.StartsWith(XmpHeader)) continue;
            if (Parse(payload[XmpHeader.Length..].ToArray()) is { } provenance) return provenance;
        }
        return null;
    }

    /// <summary>A copy of <paramref name="jpeg"/> with the provenance packet inserted near its start.</summary>
    internal static byte[] Embed(byte[] jpeg, CaseProvenance provenance) =>
        JpegSegments.Insert(jpeg, App1, [.. XmpHeader, .. Packet(provenance)]);

    /// <summary>The XMP packet, UTF-8, without padding (the picture is never edited in place).</summary>
    internal static byte[] Packet(CaseProvenance provenance)
    {
        var description = new XElement(Rdf + "Description",
            new XAttribute(Rdf + "about", ""),
            new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XAttribute(XNamespace.Xmlns + "pt", Pt),
            new XElement(Dc + "identifier", provenance.CaseCode),
            new XElement(Pt + "caseId", provenance.CaseId.ToString("D")),
            new XElement(Pt + "caseCode", provenance.CaseCode),
            new XElement(Pt + "consentIds", new XElement(Rdf + "Bag",
                provenance.ConsentIds.Select(id => new XElement(Rdf + "li", id.ToString("D"))))));
        var meta = new XElement(X + "xmpmeta", new XAttribute(XNamespace.Xmlns + "x", X),
            new XElement(Rdf + "RDF", new XAttribute(XNamespace.Xmlns + "rdf", Rdf), description));
        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true, Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n",
        };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteProcessingInstruction("xpacket", "begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"");
            meta.WriteTo(writer);
            writer.WriteProcessingInstruction("xpacket", "end=\"r\"");
        }
        return buffer.ToArray();
    }

    private static CaseProvenance? Parse(byte[] packet)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new MemoryStream(packet), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }

        var description = document.Descendants(Rdf + "Description").FirstOrDefault(d => d.Element(Pt + "caseId") is not null);
        if (description is null) return null;
        var code = description.Element(Pt + "caseCode")?.Value;
        if (!Guid.TryParse(description.Element(Pt + "caseId")!.Value.Trim(), CultureInfo.InvariantCulture, out var caseId)
            || string.IsNullOrEmpty(code)) return null;
        var consents = new List<Guid>();
        foreach (var item in description.Element(Pt + "consentIds")?.Descendants(Rdf + "li") ?? [])
        {
            if (!Guid.TryParse(item.Value.Trim(), CultureInfo.InvariantCulture, out var id)) return null;
            consents.Add(id);
        }
        return new CaseProvenance(caseId, code, consents);
    }
}
