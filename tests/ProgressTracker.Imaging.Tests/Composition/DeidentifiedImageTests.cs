using ImageMagick;
using OpenCvSharp;
using ProgressTracker.Imaging.Composition;
using ProgressTracker.Imaging.Tests.Support;
using static ProgressTracker.Imaging.Tests.Composition.CasePictures;

namespace ProgressTracker.Imaging.Tests.Composition;

/// <summary>A single photo for marketing: cropped, shrunk and re-encoded with nothing of the original file's metadata.</summary>
public sealed class DeidentifiedImageTests
{
    /// <summary>A JPEG carrying everything a phone or an editor might write: EXIF with GPS, ICC, XMP, IPTC and a comment.</summary>
    private static byte[] Laden(int width, int height)
    {
        using var image = TestImages.Gradient(width, height);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "PhoneMaker");
        exif.SetValue(ExifTag.DateTimeOriginal, "2024:03:05 14:22:10");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        image.SetProfile(exif);
        image.SetProfile(ColorProfiles.SRGB);
        image.SetProfile(new XmpProfile("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>"u8.ToArray()));
        image.Comment = "patient Jane Doe";
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    [Fact]
    public void Output_carries_no_metadata_at_all()
    {
        var input = Laden(800, 600);
        var inputMarkers = JpegSegments.Header(input).Select(s => s.Marker).ToHashSet();
        Assert.Superset(new HashSet<byte> { 0xE1, 0xE2, 0xFE }, inputMarkers); // the input really has EXIF/XMP, ICC, comment

        var output = DeidentifiedImage.Render(input, null);

        var markers = JpegSegments.Header(output).Select(s => s.Marker).ToList();
        Assert.DoesNotContain(markers, m => m is >= 0xE1 and <= 0xEF or 0xFE);
        var directories = MetadataExtractor.ImageMetadataReader.ReadMetadata(new MemoryStream(output));
        Assert.DoesNotContain(directories, d => d.Name.StartsWith("Exif", StringComparison.Ordinal)
                                                || d.Name is "XMP" or "ICC Profile" or "GPS" or "IPTC" or "JpegComment");
        Assert.Equal(-1, output.AsSpan().IndexOf("Jane Doe"u8));
        Assert.Equal(-1, output.AsSpan().IndexOf("PhoneMaker"u8));
    }

    [Theory]
    // input size, crop (or none), long edge, expected output size
    [InlineData(2000, 1500, null, 1280, 1280, 960)]
    [InlineData(2000, 1500, "100,100,1000,500", 640, 640, 320)]
    [InlineData(300, 200, null, 1280, 300, 200)] // never enlarged
    [InlineData(300, 200, "-50,-50,150,100", 1280, 100, 50)] // clipped to the image
    public void Crop_and_long_edge_give_the_expected_size(int width, int height, string? crop, int longEdge, int w, int h)
    {
        using var source = new Mat(height, width, MatType.CV_8UC3, new Scalar(90, 120, 200));
        CaseCrop? box = crop?.Split(',').Select(int.Parse).ToArray() is { } c ? new CaseCrop(c[0], c[1], c[2], c[3]) : null;

        using var output = ExportPictures.Decode(DeidentifiedImage.Render(Png(source), box, longEdge));

        Assert.Equal((w, h), (output.Width, output.Height));
    }

    [Fact]
    public void Crop_keeps_the_chosen_part()
    {
        using var source = new Mat(400, 400, MatType.CV_8UC3, ExportPictures.Colours[0]);
        using (var corner = new Mat(source, new Rect(200, 200, 200, 200))) corner.SetTo(ExportPictures.Colours[1]);

        using var output = ExportPictures.Decode(DeidentifiedImage.Render(Png(source), new CaseCrop(220, 220, 100, 100)));

        Assert.Equal(1, ExportPictures.ColourAt(output, 50, 50));
        Assert.Equal(1, ExportPictures.ColourAt(output, 2, 2));
    }

    [Fact]
    public void Unusable_inputs_are_refused()
    {
        var png = Png(new Mat(100, 100, MatType.CV_8UC3, Scalar.All(128)));
        Assert.Contains("could not be decoded", Assert.Throws<ArgumentException>(() => DeidentifiedImage.Render([1, 2], null)).Message);
        Assert.Contains("outside the photo", Assert.Throws<ArgumentException>(() => DeidentifiedImage.Render(png, new CaseCrop(200, 0, 50, 50))).Message);
        Assert.Contains("at least 32×32", Assert.Throws<ArgumentException>(() => DeidentifiedImage.Render(png, new CaseCrop(80, 0, 50, 50))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => DeidentifiedImage.Render(png, null, 10));
    }
}
