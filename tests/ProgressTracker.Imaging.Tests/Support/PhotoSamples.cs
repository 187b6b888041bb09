using ImageMagick;

namespace ProgressTracker.Imaging.Tests.Support;

/// <summary>A valid file the robustness test mutates.</summary>
internal sealed record Sample(string Name, ImageFormatKind Format, int Width, int Height, byte[] Bytes)
{
    public override string ToString() => Name;
}

/// <summary>
/// Valid samples of every format ImageMagick can write here, with photo-like (not trivially compressible)
/// content so that flipped bits land in real entropy-coded data. Everything is deterministic: the pixels come
/// from a seeded generator and no encoder writes a timestamp.
/// </summary>
internal static class PhotoSamples
{
    private static readonly Lazy<IReadOnlyList<Sample>> SmallSet = new(BuildSmall);

    /// <summary>Small samples (a few hundred pixels a side) so that hundreds of mutants decode in seconds.</summary>
    public static IReadOnlyList<Sample> Small => SmallSet.Value;

    public static IReadOnlyList<Sample> BuildSmall() =>
    [
        JpegWithExif("jpeg-exif-thumbnail", 384, 256),
        Encode("jpeg-progressive", 320, 240, MagickFormat.Jpeg, i => i.Settings.Interlace = Interlace.Jpeg),
        Encode("png-rgb", 320, 240, MagickFormat.Png24),
        Encode("png-rgba-interlaced", 256, 192, MagickFormat.Png32, i => i.Settings.Interlace = Interlace.Png, alpha: true),
        Encode("webp-lossy", 320, 240, MagickFormat.WebP),
        Encode("webp-lossless-alpha", 256, 192, MagickFormat.WebP, i => i.Settings.SetDefine(MagickFormat.WebP, "lossless", true), alpha: true),
        Encode("tiff-lzw", 256, 192, MagickFormat.Tiff, i => i.Settings.Compression = CompressionMethod.LZW),
        Encode("tiff-jpeg", 256, 192, MagickFormat.Tiff, i => i.Settings.Compression = CompressionMethod.JPEG),
        Encode("avif", 128, 96, MagickFormat.Avif, i => i.Quality = 60),
    ];

    /// <summary>A phone-sized JPEG (12 megapixels) with EXIF and an embedded thumbnail.</summary>
    public static Sample FullSizeJpeg() => JpegWithExif("jpeg-12mp-exif-thumbnail", 4032, 3024);

    /// <summary>
    /// JPEG the way a phone writes it: one EXIF block with orientation 6, capture time, camera make and an
    /// embedded thumbnail JPEG, whose own FF D9 sits long before the real end of the image.
    /// </summary>
    private static Sample JpegWithExif(string name, int width, int height)
    {
        using var image = PhotoLike(width, height, seed: width);
        image.Quality = 90;
        var main = image.ToByteArray(MagickFormat.Jpeg);

        using var thumbnail = PhotoLike(160, 120, seed: 3);
        thumbnail.Quality = 80;
        var bytes = ExifJpeg.PhoneStyle(main, thumbnail.ToByteArray(MagickFormat.Jpeg), orientation: 6,
            dateTimeOriginal: "2024:03:05 14:22:10", offsetTimeOriginal: "+02:00", make: "Robustness");
        return new Sample(name, ImageFormatKind.Jpeg, width, height, bytes);
    }

    private static Sample Encode(string name, int width, int height, MagickFormat format, Action<MagickImage>? configure = null, bool alpha = false)
    {
        using var image = PhotoLike(width, height, seed: name.Length * 31 + width, alpha);
        image.Quality = 90;
        configure?.Invoke(image);
        // No tIME / date text chunks, so the same code always gives the same bytes.
        image.Settings.SetDefine(MagickFormat.Png, "exclude-chunks", "date,time");
        var kind = format switch
        {
            MagickFormat.Jpeg => ImageFormatKind.Jpeg,
            MagickFormat.Png24 or MagickFormat.Png32 => ImageFormatKind.Png,
            MagickFormat.WebP => ImageFormatKind.WebP,
            MagickFormat.Tiff => ImageFormatKind.Tiff,
            MagickFormat.Avif => ImageFormatKind.Avif,
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
        return new Sample(name, kind, width, height, image.ToByteArray(format));
    }

    /// <summary>Smooth shading, a few hard edges and mild noise, like a photo of a person against a wall.</summary>
    public static MagickImage PhotoLike(int width, int height, int seed, bool alpha = false)
    {
        var random = new Random(seed);
        var channels = alpha ? 4 : 3;
        var pixels = new byte[width * height * channels];
        var column = new double[width];
        for (var x = 0; x < width; x++) column[x] = Math.Sin(x * 6.0 / width + seed);
        var noise = new byte[4096];
        random.NextBytes(noise);
        var at = 0;
        for (var y = 0; y < height; y++)
        {
            var row = Math.Cos(y * 4.0 / height);
            var band = y * 5 / height;
            for (var x = 0; x < width; x++)
            {
                var shade = 0.5 + 0.25 * column[x] * row;
                var n = noise[(x * 7 + y * 13) & 4095] / 16 - 8;
                var edge = (x * 4 / width + band) % 2 == 0 ? 30 : -30;
                pixels[at++] = Clamp(200 * shade + edge + n);
                pixels[at++] = Clamp(150 * shade + n);
                pixels[at++] = Clamp(120 * shade - edge / 2 + n);
                if (alpha) pixels[at++] = (byte)(x < width / 8 ? 0 : 255 - (y * 128 / height));
            }
        }
        var settings = new PixelReadSettings((uint)width, (uint)height, StorageType.Char, alpha ? PixelMapping.RGBA : PixelMapping.RGB);
        return new MagickImage(pixels, settings);
    }

    private static byte Clamp(double value) => (byte)Math.Clamp((int)value, 0, 255);
}
