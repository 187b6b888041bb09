using System.Buffers.Binary;

namespace ProgressTracker.Imaging.Tests.Support;

/// <summary>
/// Builds a JPEG whose APP1 EXIF block embeds a complete thumbnail JPEG (with its own FF D9), the layout
/// phones produce. A naive "is there an FF D9 somewhere" check is fooled by it once the file is cut.
/// </summary>
internal static class ExifJpeg
{
    public static byte[] WithThumbnail(byte[] mainJpeg, byte[] thumbnailJpeg)
    {
        // Minimal little-endian TIFF: IFD0 with no entries, then IFD1 pointing at the thumbnail.
        const int ifd1 = 8 + 2 + 4;
        const int thumbOffset = ifd1 + 2 + 2 * 12 + 4;
        var tiff = new byte[thumbOffset + thumbnailJpeg.Length];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteInt16LittleEndian(tiff.AsSpan(8), 0);
        BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(10), ifd1);
        BinaryPrimitives.WriteInt16LittleEndian(tiff.AsSpan(ifd1), 2);
        WriteLong(tiff, ifd1 + 2, 0x0201, thumbOffset);            // JPEGInterchangeFormat
        WriteLong(tiff, ifd1 + 14, 0x0202, thumbnailJpeg.Length);  // JPEGInterchangeFormatLength
        thumbnailJpeg.CopyTo(tiff, thumbOffset);

        var payload = TestImages.Concat("Exif\0\0"u8.ToArray(), tiff);
        var app1 = new byte[4 + payload.Length];
        app1[0] = 0xFF;
        app1[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), checked((ushort)(payload.Length + 2)));
        payload.CopyTo(app1, 4);

        // SOI, then our APP1, then everything the encoder wrote after its SOI.
        return TestImages.Concat(mainJpeg[..2], app1, mainJpeg[2..]);
    }

    /// <summary>Offset just past the thumbnail's own end-of-image marker.</summary>
    public static int EndOfThumbnail(byte[] jpeg)
    {
        var start = jpeg.AsSpan(2).IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) + 2;
        return start + jpeg.AsSpan(start).IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) + 2;
    }

    private static void WriteLong(byte[] tiff, int at, ushort tag, int value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), 4);
        BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(at + 4), 1);
        BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(at + 8), value);
    }
}
