using System.Buffers.Binary;
using ImageMagick;

namespace ProgressTracker.Imaging.Inspection;

/// <summary>
/// Header check for the formats whose containers we do not walk ourselves (WebP, TIFF, HEIC, AVIF).
/// ImageMagick's "ping" parses the header and reports dimensions without decoding pixel data (a forged
/// 40000 × 40000 TIFF pings in milliseconds without allocating its 1.6 GB). Apart from WebP's RIFF size, a
/// cut-off file in these formats is not detected here; the background decode reports it instead.
/// </summary>
internal static class PingProbe
{
    public static StructureCheck Probe(Stream stream, ImageFormatKind kind)
    {
        if (kind == ImageFormatKind.WebP && IsRiffTruncated(stream)) return StructureCheck.Truncated();

        stream.Position = 0;
        try
        {
            var info = new MagickImageInfo(stream, MagickFormats.ReadSettings(kind));
            if (info.Width == 0 || info.Height == 0 || info.Width > int.MaxValue || info.Height > int.MaxValue)
                return StructureCheck.Damaged;
            return new(StructureStatus.Complete, (int)info.Width, (int)info.Height);
        }
        catch (MagickException)
        {
            return StructureCheck.Damaged;
        }
    }

    /// <summary>A RIFF header states the file's total size, so a short WebP is detectable without parsing further.</summary>
    private static bool IsRiffTruncated(Stream stream)
    {
        Span<byte> header = stackalloc byte[8];
        stream.Position = 0;
        stream.ReadExactly(header);
        var declared = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) + 8L;
        return stream.Length < declared;
    }
}
