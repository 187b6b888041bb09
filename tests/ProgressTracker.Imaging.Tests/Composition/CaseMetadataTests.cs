using System.Text;
using ImageMagick;
using MetadataExtractor.Formats.Xmp;
using OpenCvSharp;
using ProgressTracker.Imaging.Composition;
using ProgressTracker.Imaging.Synthetic;
using static ProgressTracker.Imaging.Tests.Composition.CasePictures;

namespace ProgressTracker.Imaging.Tests.Composition;

/// <summary>The case picture's only metadata: an XMP packet of provenance that we and other readers can read back.</summary>
public sealed class CaseMetadataTests
{
    private static readonly byte[] Body = SyntheticBody.RenderJpeg(new SyntheticBodyOptions(480, 640, "left-oblique", 0.6, 3));

    private static RenderedCase Render(CaseProvenance? provenance = null) =>
        CaseRenderer.Render(Request(Body, Body, provenance: provenance));

    [Theory]
    [InlineData("C-7K3QX2", 2)]
    [InlineData("C-<&>\"' é ünï", 0)]
    [InlineData("C-MANY", 100)]
    public void Provenance_reads_back_as_written(string code, int consents)
    {
        var written = new CaseProvenance(Guid.Parse("0b5c2d8e-1f3a-4b6c-8d9e-a0b1c2d3e4f5"), code,
            Enumerable.Range(1, consents).Select(i => new Guid(i, 2, 3, [4, 5, 6, 7, 8, 9, 10, 11])).ToList());

        var read = CaseMetadata.Read(Render(written).Jpeg);

        Assert.NotNull(read);
        Assert.Equal(written.CaseId, read.CaseId);
        Assert.Equal(written.CaseCode, read.CaseCode);
        Assert.Equal(written.ConsentIds, read.ConsentIds);
    }

    [Fact]
    public void The_only_metadata_is_one_xmp_packet_that_other_readers_understand()
    {
        var jpeg = Render().Jpeg;

        var markers = JpegSegments.Header(jpeg).Select(s => s.Marker).ToList();
        Assert.Equal(0xE0, markers[0]); // JFIF first, as its specification asks
        Assert.Single(markers, m => m == 0xE1);
        Assert.DoesNotContain(markers, m => m is >= 0xE2 and <= 0xEF or 0xFE); // no ICC (APP2), IPTC (APP13), comment
        var directories = MetadataExtractor.ImageMetadataReader.ReadMetadata(new MemoryStream(jpeg));
        Assert.DoesNotContain(directories, d => d.Name.StartsWith("Exif", StringComparison.Ordinal) || d.Name is "ICC Profile" or "GPS");
        var xmp = directories.OfType<XmpDirectory>().Single().XmpMeta!;
        Assert.Equal("C-7K3QX2", xmp.GetPropertyString(CaseMetadata.Namespace, "caseCode"));
        Assert.Equal(Provenance.CaseId.ToString(), xmp.GetPropertyString(CaseMetadata.Namespace, "caseId"));
        Assert.Equal(Provenance.ConsentIds[1].ToString(), xmp.GetArrayItem(CaseMetadata.Namespace, "consentIds", 2).Value);
        Assert.Equal("C-7K3QX2", xmp.GetPropertyString("http://purl.org/dc/elements/1.1/", "identifier"));
    }

    [Fact]
    public void Other_decoders_open_the_picture_and_see_the_same_pixels()
    {
        var rendered = Render();
        var segment = JpegSegments.Header(rendered.Jpeg).Single(s => s.Marker == 0xE1);
        var stripped = rendered.Jpeg[..(segment.Offset - 4)].Concat(rendered.Jpeg[(segment.Offset + segment.Length)..]).ToArray();

        using var opencv = Cv2.ImDecode(rendered.Jpeg, ImreadModes.Color);
        using var withoutPacket = Cv2.ImDecode(stripped, ImreadModes.Color);
        using var magick = new MagickImage(rendered.Jpeg);

        Assert.Equal((rendered.Width, rendered.Height), (opencv.Width, opencv.Height));
        Assert.Equal((rendered.Width, rendered.Height), ((int)magick.Width, (int)magick.Height));
        Assert.Null(CaseMetadata.Read(stripped));
        Assert.Equal(0, ExportPictures.DifferentPixels(opencv, withoutPacket, new Rect(0, 0, opencv.Width, opencv.Height), 0));
    }

    public static TheoryData<string, byte[]> Foreign => new()
    {
        { "a JPEG without metadata", SyntheticBody.RenderJpeg(new SyntheticBodyOptions(64, 64)) },
        { "a PNG", Png(new Mat(8, 8, MatType.CV_8UC3, Scalar.All(9))) },
        { "nothing", [] },
        { "a JPEG with someone else's XMP", JpegSegments.Insert(SyntheticBody.RenderJpeg(new SyntheticBodyOptions(64, 64)), 0xE1,
            Encoding.UTF8.GetBytes("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF " +
                "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" " +
                "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:identifier>X</dc:identifier></rdf:Description></rdf:RDF></x:xmpmeta>")) },
        { "a JPEG with a broken packet", JpegSegments.Insert(SyntheticBody.RenderJpeg(new SyntheticBodyOptions(64, 64)), 0xE1,
            Encoding.UTF8.GetBytes("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><pt:caseId>")) },
    };

    [Theory]
    [MemberData(nameof(Foreign))]
    public void Pictures_without_our_packet_have_no_provenance(string what, byte[] bytes) =>
        Assert.True(CaseMetadata.Read(bytes) is null, what);

    [Fact]
    public void A_truncated_picture_still_yields_its_provenance_from_the_header()
    {
        var jpeg = Render().Jpeg;
        Assert.NotNull(CaseMetadata.Read(jpeg[..(jpeg.Length / 2)]));
    }
}
