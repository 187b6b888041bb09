using ImageMagick;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests;

public class PhotoNormalizerOrientationTests
{
    public static TheoryData<int, MagickFormat> AllOrientations()
    {
        var data = new TheoryData<int, MagickFormat>();
        for (var n = 1; n <= 8; n++)
        {
            data.Add(n, MagickFormat.Jpeg);
            data.Add(n, MagickFormat.Png);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllOrientations))]
    public void Every_exif_orientation_comes_out_upright(int orientation, MagickFormat format)
    {
        var bytes = OrientationImages.StoredWithOrientation(orientation, format);
        if (format == MagickFormat.Jpeg) Assert.Equal(orientation, ReadOrientationTag(bytes));
        using var stored = new MagickImage(bytes);
        var (storedWidth, storedHeight) = orientation >= 5 ? (80u, 120u) : (120u, 80u);
        Assert.Equal((storedWidth, storedHeight), (stored.Width, stored.Height));

        using var photo = PhotoNormalizer.Normalize(bytes, new ImageLimits());

        Assert.Equal((OrientationImages.Width, OrientationImages.Height), (photo.Width, photo.Height));
        Pixels.AssertNear((255, 0, 0), Pixels.Rgb(photo.Pixels, 20, 13), 40, "red top-left");
        Pixels.AssertNear((0, 0, 255), Pixels.Rgb(photo.Pixels, 100, 13), 40, "blue top-right");
        Pixels.AssertNear((0, 255, 0), Pixels.Rgb(photo.Pixels, 20, 66), 40, "green bottom-left");
        Pixels.AssertNear((128, 128, 128), Pixels.Rgb(photo.Pixels, 100, 66), 20, "grey bottom-right");
    }

    private static int ReadOrientationTag(byte[] jpeg)
    {
        var ifd0 = ImageMetadataReader.ReadMetadata(new MemoryStream(jpeg)).OfType<ExifIfd0Directory>().Single();
        return ifd0.GetInt32(ExifDirectoryBase.TagOrientation);
    }
}
