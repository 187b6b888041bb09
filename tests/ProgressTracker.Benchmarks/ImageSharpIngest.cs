using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// The peer's work done with SixLabors.ImageSharp 2.1.13 (managed code) in this process: decode, EXIF auto-orient,
/// metadata dropped, 1280 px JPEG q85, then a 320 px JPEG q85 and WebP q80 from the 1280 px pixels. ImageSharp 2.x has
/// no DCT-scaled decode (every JPEG is decoded at full size) and cannot convert ICC profiles (a Display P3 photo stays
/// in P3 numbers), so it does slightly less than the others on P3 files. Returns the encoded total, as the others.
/// </summary>
public static class ImageSharpIngest
{
    public const string Version = "2.1.13";

    private static readonly JpegEncoder Jpeg = new() { Quality = 85 };
    private static readonly WebpEncoder Webp = new() { Quality = 80, FileFormat = WebpFileFormatType.Lossy };

    public static long SameWorkAsSharp(byte[] original, CancellationToken ct = default)
    {
        using var image = Image.Load<Rgb24>(original);
        ct.ThrowIfCancellationRequested();
        image.Mutate(x => x.AutoOrient().Resize(Inside(1280))); // orientation is read from EXIF, so drop it after
        image.Metadata.ExifProfile = null;
        image.Metadata.IccProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IptcProfile = null;
        using var thumb = image.Clone(x => x.Resize(Inside(320)));
        return Encode(image, Jpeg) + Encode(thumb, Jpeg) + Encode(thumb, Webp);
    }

    private static ResizeOptions Inside(int size) => new() { Size = new Size(size, size), Mode = ResizeMode.Max };

    private static long Encode(Image image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.Length;
    }
}
