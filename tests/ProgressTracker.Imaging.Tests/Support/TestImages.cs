using ImageMagick;

namespace ProgressTracker.Imaging.Tests.Support;

/// <summary>Small real images encoded by ImageMagick, with known dimensions.</summary>
internal static class TestImages
{
    /// <summary>A gradient, so encoders produce realistic (not trivially compressible) data.</summary>
    public static MagickImage Gradient(int width, int height)
    {
        var image = new MagickImage($"gradient:#c08060-#406080", (uint)width, (uint)height);
        return image;
    }

    public static byte[] Encode(int width, int height, MagickFormat format, int quality = 90)
    {
        using var image = Gradient(width, height);
        image.Quality = (uint)quality;
        return image.ToByteArray(format);
    }

    public static byte[] Jpeg(int width = 64, int height = 48) => Encode(width, height, MagickFormat.Jpeg);

    public static byte[] Png(int width = 64, int height = 48) => Encode(width, height, MagickFormat.Png);

    /// <summary>Random bytes of the given length; deterministic for the seed.</summary>
    public static byte[] Noise(int length, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
