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

        return InsertApp1(mainJpeg, tiff);
    }

    private static byte[] InsertApp1(byte[] mainJpeg, byte[] tiff)
    {
        var payload = TestImages.Concat("Exif\0\0"u8.ToArray(), tiff);
        var app1 = new byte[4 + payload.Length];
        app1[0] = 0xFF;
        app1[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), checked((ushort)(payload.Length + 2)));
        payload.CopyTo(app1, 4);

        // SOI, then our APP1, then everything the encoder wrote after its SOI.
        return TestImages.Concat(mainJpeg[..2], app1, mainJpeg[2..]);
    }

    /// <summary>
    /// One APP1 EXIF block as a phone writes it: IFD0 (camera make, orientation, pointer to the EXIF IFD with the
    /// capture time and its offset) and IFD1 pointing at an embedded thumbnail JPEG. Any APP1 the encoder wrote
    /// is left in place, so pass a JPEG written without a profile.
    /// </summary>
    public static byte[] PhoneStyle(byte[] mainJpeg, byte[] thumbnailJpeg, ushort orientation, string dateTimeOriginal, string offsetTimeOriginal, string make)
    {
        byte[] Ascii(string text) => [.. System.Text.Encoding.ASCII.GetBytes(text), 0];
        var makeBytes = Ascii(make);
        var dateBytes = Ascii(dateTimeOriginal);
        var offsetBytes = Ascii(offsetTimeOriginal);

        const int ifd0 = 8, ifd0Entries = 3;
        const int exifIfd = ifd0 + 2 + ifd0Entries * 12 + 4, exifEntries = 2;
        const int ifd1 = exifIfd + 2 + exifEntries * 12 + 4, ifd1Entries = 2;
        const int data = ifd1 + 2 + ifd1Entries * 12 + 4;
        int makeAt = data, dateAt = makeAt + makeBytes.Length, offsetAt = dateAt + dateBytes.Length;
        var thumbAt = offsetAt + offsetBytes.Length;
        var tiff = new byte[thumbAt + thumbnailJpeg.Length];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(4), ifd0);

        BinaryPrimitives.WriteInt16LittleEndian(tiff.AsSpan(ifd0), ifd0Entries);
        WriteEntry(tiff, ifd0 + 2, 0x010F, 2, makeBytes.Length, makeAt);        // Make
        WriteEntry(tiff, ifd0 + 14, 0x0112, 3, 1, orientation);                 // Orientation (SHORT, inline)
        WriteEntry(tiff, ifd0 + 26, 0x8769, 4, 1, exifIfd);                      // ExifIFDPointer
        BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(ifd0 + 38), ifd1);  // next IFD: the thumbnail's

        BinaryPrimitives.WriteInt16LittleEndian(tiff.AsSpan(exifIfd), exifEntries);
        WriteEntry(tiff, exifIfd + 2, 0x9003, 2, dateBytes.Length, dateAt);      // DateTimeOriginal
        WriteEntry(tiff, exifIfd + 14, 0x9011, 2, offsetBytes.Length, offsetAt); // OffsetTimeOriginal

        BinaryPrimitives.WriteInt16LittleEndian(tiff.AsSpan(ifd1), ifd1Entries);
        WriteLong(tiff, ifd1 + 2, 0x0201, thumbAt);
        WriteLong(tiff, ifd1 + 14, 0x0202, thumbnailJpeg.Length);

        makeBytes.CopyTo(tiff, makeAt);
        dateBytes.CopyTo(tiff, dateAt);
        offsetBytes.CopyTo(tiff, offsetAt);
        thumbnailJpeg.CopyTo(tiff, thumbAt);
        return InsertApp1(mainJpeg, tiff);
    }

    /// <summary>Offset just past the thumbnail's own end-of-image marker.</summary>
    public static int EndOfThumbnail(byte[] jpeg)
    {
        var start = jpeg.AsSpan(2).IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) + 2;
        return start + jpeg.AsSpan(start).IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) + 2;
    }

    private static void WriteEntry(byte[] tiff, int at, ushort tag, ushort type, int count, int value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(at + 4), count);
        if (type == 3 && count == 1) BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 8), (ushort)value);
        else BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(at + 8), value);
    }

    private static void WriteLong(byte[] tiff, int at, ushort tag, int value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), 4);
        BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(at + 4), 1);
        BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(at + 8), value);
    }
}
