using MetadataExtractor;
using OpenCvSharp;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests;

public class DerivativeBundleTests
{
    private static readonly string[] StructuralDirectories = ["JPEG", "JFIF", "Huffman", "File Type", "WebP"];

    [Theory]
    [InlineData(4032, 3024, 1280, 960, 320, 240)]
    [InlineData(3024, 4032, 960, 1280, 240, 320)]
    [InlineData(1000, 333, 1000, 333, 320, 107)]
    [InlineData(5000, 10, 1280, 3, 320, 1)]
    [InlineData(4033, 3025, 1280, 960, 320, 240)] // odd sizes take the general-ratio path throughout
    [InlineData(200, 150, 200, 150, 200, 150)]     // never enlarged
    public void Render_all_gives_every_size_in_both_encodings(int width, int height, int displayW, int displayH, int thumbW, int thumbH)
    {
        using var source = new Mat(height, width, MatType.CV_8UC3, new Scalar(40, 120, 200));

        var bundle = DerivativeRenderer.RenderAll(source);

        AssertImage(bundle.Master, ".jpg", width, height);
        AssertImage(bundle.DisplayJpeg, ".jpg", displayW, displayH);
        AssertImage(bundle.DisplayWebp, ".webp", displayW, displayH);
        AssertImage(bundle.ThumbJpeg, ".jpg", thumbW, thumbH);
        AssertImage(bundle.ThumbWebp, ".webp", thumbW, thumbH);
    }

    [Fact]
    public void Sizes_match_resizing_the_full_image_directly()
    {
        using var source = Photo(1917, 1283);

        var bundle = DerivativeRenderer.RenderAll(source);

        using var display = Cv2.ImDecode(bundle.DisplayJpeg, ImreadModes.Color);
        using var direct = Cv2.ImDecode(DerivativeRenderer.ResizeToJpeg(source, DerivativeSpec.DisplayLongEdge, DerivativeSpec.JpegQuality), ImreadModes.Color);
        Assert.Equal(direct.Size(), display.Size());
        using var thumb = Cv2.ImDecode(bundle.ThumbWebp, ImreadModes.Color);
        using var directThumb = Cv2.ImDecode(DerivativeRenderer.ResizeToWebp(source, DerivativeSpec.ThumbLongEdge, DerivativeSpec.WebpQuality), ImreadModes.Color);
        Assert.Equal(directThumb.Size(), thumb.Size());
    }

    [Fact]
    public void Thumb_shrunk_from_the_display_size_is_the_same_picture_as_one_shrunk_from_the_full_image()
    {
        using var source = Photo(4032, 3024);
        using var display = DerivativeRenderer.ResizeToLongEdge(source, DerivativeSpec.DisplayLongEdge);
        using var viaDisplay = DerivativeRenderer.ResizeToLongEdge(display, DerivativeSpec.ThumbLongEdge);
        using var direct = new Mat();
        Cv2.Resize(source, direct, viaDisplay.Size(), 0, 0, InterpolationFlags.Area);

        Assert.True(Cv2.PSNR(viaDisplay, direct) > 40, $"PSNR {Cv2.PSNR(viaDisplay, direct):F1} dB");
    }

    [Fact]
    public void Display_size_from_halving_steps_is_the_same_picture_as_one_area_resize()
    {
        using var source = Photo(4032, 3024);
        using var stepped = DerivativeRenderer.ResizeToLongEdge(source, DerivativeSpec.DisplayLongEdge);
        using var direct = new Mat();
        Cv2.Resize(source, direct, stepped.Size(), 0, 0, InterpolationFlags.Area);

        Assert.True(Cv2.PSNR(stepped, direct) > 40, $"PSNR {Cv2.PSNR(stepped, direct):F1} dB");
    }

    [Fact]
    public void Master_is_encoded_without_the_table_optimising_pass_and_decodes_the_same()
    {
        using var source = Photo(1600, 1200);

        var bundle = DerivativeRenderer.RenderAll(source);
        var optimised = DerivativeRenderer.EncodeJpeg(source, DerivativeSpec.MasterJpegQuality, optimizedHuffman: true);

        Assert.False(DerivativeSpec.MasterOptimizedHuffman);
        Assert.True(bundle.Master.Length > optimised.Length, $"{bundle.Master.Length} vs {optimised.Length} bytes");
        // Huffman tables are lossless: the very same pixels either way.
        using var plain = Cv2.ImDecode(bundle.Master, ImreadModes.Color);
        using var tight = Cv2.ImDecode(optimised, ImreadModes.Color);
        Assert.Equal(0, Cv2.Norm(plain, tight, NormTypes.INF));
    }

    [Fact]
    public void Webp_keeps_colour()
    {
        using var source = new Mat(300, 400, MatType.CV_8UC3, new Scalar(40, 120, 200));

        using var decoded = Cv2.ImDecode(DerivativeRenderer.EncodeWebp(source, DerivativeSpec.WebpQuality), ImreadModes.Color);

        Pixels.AssertNear((200, 120, 40), Pixels.Rgb(decoded, 200, 150), 4);
    }

    [Fact]
    public void No_derivative_of_a_photo_full_of_metadata_carries_any_of_it()
    {
        // GPS, EXIF, XMP and an Adobe RGB profile in a JPEG (fast route, colour converted on the matrix) and in a
        // PNG (ImageMagick route).
        foreach (var original in new[] { WithEverything(ImageMagick.MagickFormat.Jpeg), WithEverything(ImageMagick.MagickFormat.Png) })
        {
            var before = DirectoryNames(original);
            Assert.Contains("GPS", before);
            Assert.Contains("ICC Profile", before);

            using var photo = PhotoNormalizer.Normalize(original, new ImageLimits());
            var bundle = DerivativeRenderer.RenderAll(photo.Pixels);

            foreach (var file in new[] { bundle.Master, bundle.DisplayJpeg, bundle.DisplayWebp, bundle.ThumbJpeg, bundle.ThumbWebp })
            {
                var leftovers = DirectoryNames(file).Except(StructuralDirectories).ToList();
                Assert.True(leftovers.Count == 0, "unexpected metadata: " + string.Join(", ", leftovers));
            }
        }
    }

    [Fact]
    public void Webp_files_are_plain_lossy_images_without_extended_chunks()
    {
        using var source = Photo(640, 480);
        var webp = DerivativeRenderer.ResizeToWebp(source, DerivativeSpec.ThumbLongEdge, DerivativeSpec.WebpQuality);

        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(webp, 0, 4));
        Assert.Equal("WEBP", System.Text.Encoding.ASCII.GetString(webp, 8, 4));
        // "VP8 " straight away: no VP8X header, so nowhere for EXIF, XMP or ICC chunks to hang from.
        Assert.Equal("VP8 ", System.Text.Encoding.ASCII.GetString(webp, 12, 4));
    }

    [Fact]
    public void Rejects_matrices_that_are_not_8_bit_bgr()
    {
        using var grey = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(0));
        using var empty = new Mat();

        Assert.Throws<ArgumentException>(() => DerivativeRenderer.EncodeWebp(grey, 80));
        Assert.Throws<ArgumentException>(() => DerivativeRenderer.ResizeToWebp(empty, 320, 80));
        Assert.Throws<ArgumentException>(() => DerivativeRenderer.RenderAll(grey));
        Assert.Throws<ArgumentException>(() => DerivativeRenderer.ResizeToLongEdge(empty, 320));
    }

    private static void AssertImage(byte[] bytes, string extension, int width, int height)
    {
        if (extension == ".jpg") Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, bytes[..3]);
        else Assert.Equal("WEBP", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));
        using var decoded = Cv2.ImDecode(bytes, ImreadModes.Color);
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        Pixels.AssertNear((200, 120, 40), Pixels.Rgb(decoded, width / 2, height / 2), 4);
    }

    /// <summary>
    /// Shading, thin rings (hard edges) and sensor-like noise: detail that different resampling paths render
    /// differently, in about the proportions of a photo.
    /// </summary>
    private static Mat Photo(int width, int height)
    {
        using var corners = new Mat(2, 2, MatType.CV_8UC3);
        corners.Set(0, 0, new Vec3b(60, 90, 170));
        corners.Set(0, 1, new Vec3b(120, 140, 200));
        corners.Set(1, 0, new Vec3b(40, 60, 90));
        corners.Set(1, 1, new Vec3b(90, 110, 150));
        var image = new Mat();
        Cv2.Resize(corners, image, new Size(width, height), 0, 0, InterpolationFlags.Linear);
        for (var i = 0; i < 12; i++)
            Cv2.Circle(image, new Point(width * (i + 1) / 13, height / 2), Math.Max(2, height / (4 + i)), new Scalar(20 * i, 255 - 20 * i, 90), 3);
        using var grain = new Mat(image.Size(), MatType.CV_8UC3);
        Cv2.Randn(grain, Scalar.All(128), Scalar.All(6));
        Cv2.AddWeighted(image, 1, grain, 1, -128, image);
        return image;
    }

    private static byte[] WithEverything(ImageMagick.MagickFormat format)
    {
        using var image = TestImages.Gradient(800, 600);
        var exif = new ImageMagick.ExifProfile();
        exif.SetValue(ImageMagick.ExifTag.Make, "Clinic Camera");
        exif.SetValue(ImageMagick.ExifTag.DateTimeOriginal, "2024:06:01 10:00:00");
        exif.SetValue(ImageMagick.ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ImageMagick.ExifTag.GPSLatitude, [new ImageMagick.Rational(52, 1), new ImageMagick.Rational(22, 1), new ImageMagick.Rational(0, 1)]);
        image.SetProfile(exif);
        image.SetProfile(new ImageMagick.XmpProfile(System.Text.Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
            "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" dc:creator=\"Dr Example\"/></rdf:RDF></x:xmpmeta>")));
        image.SetProfile(ImageMagick.ColorProfiles.AdobeRGB1998);
        return image.ToByteArray(format);
    }

    private static List<string> DirectoryNames(byte[] file) =>
        ImageMetadataReader.ReadMetadata(new MemoryStream(file)).Select(d => d.Name).ToList();
}
