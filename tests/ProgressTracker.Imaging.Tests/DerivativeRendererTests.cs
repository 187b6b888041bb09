using ImageMagick;
using Rational = ImageMagick.Rational;
using MetadataExtractor;
using OpenCvSharp;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests;

public class DerivativeRendererTests
{
    private static readonly string[] StructuralDirectories = ["JPEG", "JFIF", "Huffman", "File Type"];

    [Theory]
    [InlineData(4032, 3024, DerivativeSpec.ThumbLongEdge, 320, 240)]
    [InlineData(4032, 3024, DerivativeSpec.DisplayLongEdge, 1280, 960)]
    [InlineData(3024, 4032, DerivativeSpec.DisplayLongEdge, 960, 1280)]
    [InlineData(1600, 1200, DerivativeSpec.ThumbLongEdge, 320, 240)]
    [InlineData(1000, 333, DerivativeSpec.ThumbLongEdge, 320, 107)]
    [InlineData(5000, 10, DerivativeSpec.ThumbLongEdge, 320, 1)]
    [InlineData(800, 600, DerivativeSpec.DisplayLongEdge, 800, 600)]  // never enlarged
    [InlineData(1280, 720, DerivativeSpec.DisplayLongEdge, 1280, 720)] // already at the limit
    public void Long_edge_is_capped_and_aspect_kept(int width, int height, int longEdge, int expectedWidth, int expectedHeight)
    {
        using var source = new Mat(height, width, MatType.CV_8UC3, new Scalar(40, 120, 200));

        var jpeg = DerivativeRenderer.ResizeToJpeg(source, longEdge, DerivativeSpec.JpegQuality);

        using var decoded = Cv2.ImDecode(jpeg, ImreadModes.Color);
        Assert.Equal((expectedWidth, expectedHeight), (decoded.Width, decoded.Height));
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, jpeg[..3]);
    }

    [Fact]
    public void Master_keeps_full_size_and_colour()
    {
        using var source = new Mat(300, 400, MatType.CV_8UC3, new Scalar(40, 120, 200));

        var jpeg = DerivativeRenderer.EncodeJpeg(source, DerivativeSpec.MasterJpegQuality);

        using var decoded = Cv2.ImDecode(jpeg, ImreadModes.Color);
        Assert.Equal((400, 300), (decoded.Width, decoded.Height));
        Pixels.AssertNear((200, 120, 40), Pixels.Rgb(decoded, 200, 150), 3);
    }

    [Fact]
    public void Derivatives_of_a_photo_full_of_metadata_carry_none_of_it()
    {
        var original = PhotoWithEverything();
        var before = DirectoryNames(original);
        Assert.Contains("GPS", before);
        Assert.Contains("Exif IFD0", before);
        Assert.Contains("XMP", before);
        Assert.Contains("ICC Profile", before);

        using var photo = PhotoNormalizer.Normalize(original, new ImageLimits());
        var outputs = new[]
        {
            DerivativeRenderer.EncodeJpeg(photo.Pixels, DerivativeSpec.MasterJpegQuality),
            DerivativeRenderer.ResizeToJpeg(photo.Pixels, DerivativeSpec.DisplayLongEdge, DerivativeSpec.JpegQuality),
            DerivativeRenderer.ResizeToJpeg(photo.Pixels, DerivativeSpec.ThumbLongEdge, DerivativeSpec.JpegQuality),
        };

        foreach (var jpeg in outputs)
        {
            var leftovers = DirectoryNames(jpeg).Except(StructuralDirectories).ToList();
            Assert.True(leftovers.Count == 0, "unexpected metadata: " + string.Join(", ", leftovers));
        }
    }

    [Fact]
    public void Rejects_matrices_that_are_not_8_bit_bgr()
    {
        using var grey = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(0));
        using var empty = new Mat();

        Assert.Throws<ArgumentException>(() => DerivativeRenderer.EncodeJpeg(grey, 85));
        Assert.Throws<ArgumentException>(() => DerivativeRenderer.ResizeToJpeg(empty, 320, 85));
    }

    private static byte[] PhotoWithEverything()
    {
        using var image = TestImages.Gradient(1600, 1200);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "Clinic Camera");
        exif.SetValue(ExifTag.DateTimeOriginal, "2024:06:01 10:00:00");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(52, 1), new Rational(22, 1), new Rational(0, 1)]);
        image.SetProfile(exif);
        image.SetProfile(new XmpProfile(System.Text.Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
            "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" dc:creator=\"Dr Example\"/></rdf:RDF></x:xmpmeta>")));
        image.SetProfile(ColorProfiles.SRGB);
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    private static List<string> DirectoryNames(byte[] jpeg) =>
        ImageMetadataReader.ReadMetadata(new MemoryStream(jpeg)).Select(d => d.Name).ToList();
}
