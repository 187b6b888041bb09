using ImageMagick;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Heif;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests;

/// <summary>
/// Real HEIC files made by libheif's heif-enc. A phone stores the sensor's pixels and says how to turn them
/// in an 'irot' property (and, on iPhones, repeats it in the EXIF orientation); heif-enc writes no 'irot'
/// itself, so the tests add one to the container the way a phone lays it out. Not run alongside other tests:
/// x265 starts a thread per core, which would upset timing tests.
/// </summary>
[Collection(nameof(RunsAlone))]
public class HeicTests
{
    private static readonly ImageLimits Defaults = new();

    [Fact]
    public void Heic_from_heif_enc_is_accepted_and_decoded_upright_at_its_size()
    {
        var heic = HeifEnc.Encode(StoredPng(1), ".png", "-q", "90");
        Assert.Equal("heic", System.Text.Encoding.ASCII.GetString(heic, 8, 4));
        Assert.DoesNotContain(IsoBmff.Properties(heic), p => p.Type is "irot" or "imir");

        var inspection = UploadInspector.Inspect(new MemoryStream(heic), Defaults);
        Assert.Equal(InspectionResult.Ok(ImageFormatKind.Heic, OrientationImages.Width, OrientationImages.Height), inspection);

        using var photo = PhotoNormalizer.Normalize(heic, Defaults);
        Assert.Equal(ImageFormatKind.Heic, photo.SourceFormat);
        AssertUprightCard(photo, "plain HEIC");
    }

    /// <summary>
    /// Each row: the EXIF orientation whose turn the stored pixels need, the 'irot' quarter turns (anticlockwise)
    /// that undo it, and whether the EXIF orientation is also written (as iPhones do). With both present the
    /// rotation must still be applied once.
    /// </summary>
    public static TheoryData<int, int, bool> RotatedCases() => new()
    {
        { 6, 3, false }, // stored turned 90° anticlockwise; irot 270° anticlockwise = 90° clockwise
        { 8, 1, false },
        { 3, 2, false },
        { 6, 3, true },
        { 8, 1, true },
        { 3, 2, true },
    };

    [Theory]
    [MemberData(nameof(RotatedCases))]
    public void Rotated_heic_comes_out_upright_and_is_turned_only_once(int orientation, int irotQuarterTurns, bool exifToo)
    {
        var heic = RotatedHeic(orientation, irotQuarterTurns, exifToo);

        // The file really says what the row claims, read back independently of the code under test.
        var metadata = ImageMetadataReader.ReadMetadata(new MemoryStream(heic));
        var rotation = metadata.OfType<HeicImagePropertiesDirectory>().Single(d => d.ContainsTag(HeicImagePropertiesDirectory.TagRotation));
        Assert.Equal(irotQuarterTurns * 90, rotation.GetInt32(HeicImagePropertiesDirectory.TagRotation));
        var exifOrientation = metadata.OfType<ExifIfd0Directory>().SingleOrDefault()?.GetInt32(ExifDirectoryBase.TagOrientation);
        Assert.Equal(exifToo ? orientation : null, exifOrientation);

        Assert.True(UploadInspector.Inspect(new MemoryStream(heic), Defaults).Accepted);
        using var photo = PhotoNormalizer.Normalize(heic, Defaults);

        AssertUprightCard(photo, $"irot {irotQuarterTurns * 90}°{(exifToo ? $" + EXIF orientation {orientation}" : "")}");
    }

    [Fact]
    public void Irot_patch_changes_only_the_rotation()
    {
        // Guards the container patching the rotated cases rely on: the same pixels, with and without 'irot'.
        var plain = HeifEnc.Encode(StoredPng(6), ".png", "-q", "90");
        var rotated = IsoBmff.AddItemProperty(plain, IsoBmff.PrimaryItem(plain), IsoBmff.Irot(3));

        using var fromPlain = PhotoNormalizer.Normalize(plain, Defaults);
        using var fromRotated = PhotoNormalizer.Normalize(rotated, Defaults);

        Assert.Equal((OrientationImages.Height, OrientationImages.Width), (fromPlain.Width, fromPlain.Height));
        Assert.Equal((OrientationImages.Width, OrientationImages.Height), (fromRotated.Width, fromRotated.Height));
        using var turnedBack = new OpenCvSharp.Mat();
        OpenCvSharp.Cv2.Rotate(fromPlain.Pixels, turnedBack, OpenCvSharp.RotateFlags.Rotate90Clockwise);
        Assert.True(OpenCvSharp.Cv2.Norm(turnedBack, fromRotated.Pixels, OpenCvSharp.NormTypes.INF) <= 2,
            "irot must rotate the very pixels that are stored, nothing else");
    }

    internal static byte[] RotatedHeic(int orientation, int irotQuarterTurns, bool exifToo)
    {
        var source = exifToo ? StoredJpeg(orientation) : StoredPng(orientation);
        var heic = HeifEnc.Encode(source, exifToo ? ".jpg" : ".png", "-q", "90");
        return IsoBmff.AddItemProperty(heic, IsoBmff.PrimaryItem(heic), IsoBmff.Irot(irotQuarterTurns));
    }

    private static void AssertUprightCard(NormalizedPhoto photo, string because)
    {
        Assert.Equal(OpenCvSharp.MatType.CV_8UC3, photo.Pixels.Type());
        Assert.True((OrientationImages.Width, OrientationImages.Height) == (photo.Width, photo.Height),
            $"expected {OrientationImages.Width}×{OrientationImages.Height}, got {photo.Width}×{photo.Height} ({because})");
        Pixels.AssertNear((255, 0, 0), Pixels.Rgb(photo.Pixels, 20, 13), 40, $"red top-left ({because})");
        Pixels.AssertNear((0, 0, 255), Pixels.Rgb(photo.Pixels, 100, 13), 40, $"blue top-right ({because})");
        Pixels.AssertNear((0, 255, 0), Pixels.Rgb(photo.Pixels, 20, 66), 40, $"green bottom-left ({because})");
        Pixels.AssertNear((128, 128, 128), Pixels.Rgb(photo.Pixels, 100, 66), 20, $"grey bottom-right ({because})");
    }

    /// <summary>The upright card turned so that EXIF orientation N would show it upright, as a PNG without metadata.</summary>
    private static byte[] StoredPng(int orientation)
    {
        using var image = OrientationImages.UprightCard();
        switch (orientation)
        {
            case 1: break;
            case 3: image.Rotate(180); break;
            case 6: image.Rotate(270); break;
            case 8: image.Rotate(90); break;
            default: throw new ArgumentOutOfRangeException(nameof(orientation));
        }
        // Plain 8-bit RGB: heif-enc 1.15 misreads the 2-bit palette PNG ImageMagick would otherwise pick.
        return image.ToByteArray(MagickFormat.Png24);
    }

    /// <summary>The same pixels as a JPEG carrying EXIF orientation N (heif-enc copies the EXIF block as is).</summary>
    private static byte[] StoredJpeg(int orientation) => OrientationImages.StoredWithOrientation(orientation);
}
