using ImageMagick;
using ProgressTracker.Imaging.Inspection;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests;

/// <summary>
/// WebP and TIFF uploads are judged by ImageSharp's managed identify, not by a native parser: it must read what
/// ImageMagick wrote (each WebP and TIFF flavour) itself, without falling back, and call damage damage.
/// </summary>
public class IdentifyProbeTests
{
    public static TheoryData<string, ImageFormatKind> Flavours => new()
    {
        { "webp-lossy", ImageFormatKind.WebP },
        { "webp-lossless", ImageFormatKind.WebP },
        { "webp-alpha", ImageFormatKind.WebP },
        { "tiff-lsb", ImageFormatKind.Tiff },
        { "tiff-msb", ImageFormatKind.Tiff },
        { "tiff-zip", ImageFormatKind.Tiff },
    };

    [Theory]
    [MemberData(nameof(Flavours))]
    public void Reads_the_dimensions_itself(string flavour, ImageFormatKind kind)
    {
        var bytes = Encode(flavour, 97, 61);

        var check = IdentifyProbe.Probe(new MemoryStream(bytes), kind);

        Assert.Equal(new StructureCheck(StructureStatus.Complete, 97, 61), check);
    }

    [Theory]
    [InlineData("webp-lossy", ImageFormatKind.WebP)]
    [InlineData("tiff-lsb", ImageFormatKind.Tiff)]
    public void A_damaged_header_is_damaged(string flavour, ImageFormatKind kind)
    {
        var bytes = Encode(flavour, 97, 61);
        var damaged = TestImages.Concat(bytes[..12], TestImages.Noise(bytes.Length - 12));

        Assert.Equal(StructureCheck.Damaged, IdentifyProbe.Probe(new MemoryStream(damaged), kind));
    }

    [Fact]
    public void An_animated_webp_is_accepted_with_its_first_frames_size()
    {
        using var frames = new MagickImageCollection { TestImages.Gradient(40, 30), TestImages.Gradient(40, 30) };
        frames[1].Negate();
        var bytes = frames.ToByteArray(MagickFormat.WebP);

        var result = UploadInspector.Inspect(new MemoryStream(bytes), new ImageLimits());

        Assert.Equal(InspectionResult.Ok(ImageFormatKind.WebP, 40, 30), result);
    }

    private static byte[] Encode(string flavour, int width, int height)
    {
        using var image = TestImages.Gradient(width, height);
        switch (flavour)
        {
            case "webp-lossless": image.Settings.SetDefine(MagickFormat.WebP, "lossless", true); break;
            case "webp-alpha": image.HasAlpha = true; break;
            case "tiff-msb": image.Settings.SetDefine(MagickFormat.Tiff, "endian", "msb"); break;
            case "tiff-zip": image.Settings.Compression = CompressionMethod.Zip; break;
        }
        return image.ToByteArray(flavour.StartsWith("webp", StringComparison.Ordinal) ? MagickFormat.WebP : MagickFormat.Tiff);
    }
}
