using ImageMagick;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests;

public class PhotoNormalizerColourTests
{
    /// <summary>Adobe RGB (1998) → sRGB worked out independently of ImageMagick (matrix and transfer curves).</summary>
    private static (int R, int G, int B) AdobeToSrgb(int r, int g, int b)
    {
        double[,] toXyz = { { 0.5767309, 0.1855540, 0.1881852 }, { 0.2973769, 0.6273491, 0.0752741 }, { 0.0270343, 0.0706872, 0.9911085 } };
        double[,] toSrgb = { { 3.2404542, -1.5371385, -0.4985314 }, { -0.9692660, 1.8760108, 0.0415560 }, { 0.0556434, -0.2040259, 1.0572252 } };
        double[] linear = [Math.Pow(r / 255.0, 563 / 256.0), Math.Pow(g / 255.0, 563 / 256.0), Math.Pow(b / 255.0, 563 / 256.0)];
        var xyz = Multiply(toXyz, linear);
        var srgb = Multiply(toSrgb, xyz).Select(c => Math.Clamp(c, 0, 1))
            .Select(c => c <= 0.0031308 ? 12.92 * c : 1.055 * Math.Pow(c, 1 / 2.4) - 0.055)
            .Select(c => (int)Math.Round(c * 255)).ToArray();
        return (srgb[0], srgb[1], srgb[2]);
    }

    [Theory]
    [InlineData(120, 200, 120)] // in gamut for both; red channel differs by about 70 levels
    [InlineData(200, 120, 80)]
    [InlineData(0, 255, 0)]     // pure Adobe green lies outside sRGB and is clipped to sRGB green
    public void Adobe_rgb_tagged_pixels_are_converted_to_srgb(int r, int g, int b)
    {
        using var source = new MagickImage(MagickColor.FromRgb((byte)r, (byte)g, (byte)b), 16, 16);
        source.SetProfile(ColorProfiles.AdobeRGB1998);
        var png = source.ToByteArray(MagickFormat.Png); // lossless, so only the conversion moves values

        using var photo = PhotoNormalizer.Normalize(png, new ImageLimits());

        Pixels.AssertNear(AdobeToSrgb(r, g, b), Pixels.Rgb(photo.Pixels, 8, 8), 3);
    }

    [Fact]
    public void Untagged_and_srgb_tagged_pixels_are_left_alone()
    {
        using var untagged = new MagickImage(MagickColor.FromRgb(120, 200, 120), 8, 8);
        using var tagged = new MagickImage(MagickColor.FromRgb(120, 200, 120), 8, 8);
        tagged.SetProfile(ColorProfiles.SRGB);

        foreach (var image in new[] { untagged, tagged })
        {
            using var photo = PhotoNormalizer.Normalize(image.ToByteArray(MagickFormat.Png), new ImageLimits());
            Pixels.AssertNear((120, 200, 120), Pixels.Rgb(photo.Pixels, 4, 4), 1);
        }
    }

    [Fact]
    public void Transparency_becomes_white_and_output_is_three_channel()
    {
        using var image = new MagickImage(MagickColors.Transparent, 8, 8);
        using var photo = PhotoNormalizer.Normalize(image.ToByteArray(MagickFormat.Png), new ImageLimits());

        Assert.Equal(OpenCvSharp.MatType.CV_8UC3, photo.Pixels.Type());
        Pixels.AssertNear((255, 255, 255), Pixels.Rgb(photo.Pixels, 4, 4), 1);
    }

    [Fact]
    public void Greyscale_and_sixteen_bit_inputs_become_8_bit_bgr()
    {
        using var grey = new MagickImage(MagickColor.FromRgb(90, 90, 90), 8, 8);
        grey.ColorType = ColorType.Grayscale;
        using var deep = new MagickImage(MagickColor.FromRgb(10, 100, 200), 8, 8);
        deep.Depth = 16;

        using var fromGrey = PhotoNormalizer.Normalize(grey.ToByteArray(MagickFormat.Jpeg), new ImageLimits());
        using var fromDeep = PhotoNormalizer.Normalize(deep.ToByteArray(MagickFormat.Png), new ImageLimits());

        Pixels.AssertNear((90, 90, 90), Pixels.Rgb(fromGrey.Pixels, 4, 4), 2);
        Pixels.AssertNear((10, 100, 200), Pixels.Rgb(fromDeep.Pixels, 4, 4), 1);
        Assert.Equal((8, 8), (fromDeep.Width, fromDeep.Height));
    }

    [Fact]
    public void Cmyk_jpeg_is_converted_to_rgb()
    {
        using var image = new MagickImage(MagickColor.FromRgb(200, 40, 40), 8, 8);
        image.ColorSpace = ColorSpace.CMYK;
        var jpeg = image.ToByteArray(MagickFormat.Jpeg);

        using var photo = PhotoNormalizer.Normalize(jpeg, new ImageLimits());

        var (r, g, b) = Pixels.Rgb(photo.Pixels, 4, 4);
        Assert.True(r > 150 && g < 110 && b < 110, $"expected a red, got ({r}, {g}, {b})");
    }

    private static double[] Multiply(double[,] m, double[] v) =>
        [.. Enumerable.Range(0, 3).Select(i => m[i, 0] * v[0] + m[i, 1] * v[1] + m[i, 2] * v[2])];
}
