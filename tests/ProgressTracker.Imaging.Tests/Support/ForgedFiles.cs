using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ProgressTracker.Imaging.Tests.Support;

/// <summary>Hand-built files whose headers say things their (tiny) contents do not back up.</summary>
internal static class ForgedFiles
{
    /// <summary>A valid PNG container (correct CRCs) declaring width × height RGB pixels, with one tiny IDAT.</summary>
    public static byte[] Png(int width, int height, bool withEnd = true)
    {
        using var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type: RGB
        WriteChunk(file, "IHDR", ihdr);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
                zlib.Write(new byte[Math.Min(3L * width + 1, 1 << 20) * 4]);
            WriteChunk(file, "IDAT", compressed.ToArray());
        }
        if (withEnd) WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    /// <summary>An uncompressed greyscale TIFF declaring width × height with only a few bytes of strip data.</summary>
    public static byte[] Tiff(int width, int height)
    {
        const int entries = 8, ifdOffset = 8, dataOffset = ifdOffset + 2 + entries * 12 + 4;
        var file = new byte[dataOffset + 16];
        "II*\0"u8.CopyTo(file);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(4), ifdOffset);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(ifdOffset), entries);
        var at = ifdOffset + 2;
        void Entry(ushort tag, ushort type, int value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(at), tag);
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(at + 2), type);
            BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(at + 4), 1);
            BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(at + 8), value);
            at += 12;
        }
        Entry(256, 4, width);          // ImageWidth
        Entry(257, 4, height);         // ImageLength
        Entry(258, 3, 8);              // BitsPerSample
        Entry(259, 3, 1);              // Compression: none
        Entry(262, 3, 1);              // Photometric: black is zero
        Entry(273, 4, dataOffset);     // StripOffsets
        Entry(278, 4, height);         // RowsPerStrip
        Entry(279, 4, 16);             // StripByteCounts
        return file;
    }

    /// <summary>An ISO-BMFF 'ftyp' box with the given brands followed by an empty 'meta'-less body.</summary>
    public static byte[] Ftyp(string major, params string[] compatible)
    {
        var size = 16 + 4 * compatible.Length;
        var box = new byte[size + 8];
        BinaryPrimitives.WriteInt32BigEndian(box, size);
        Encoding.ASCII.GetBytes("ftyp" + major).CopyTo(box, 4);
        for (var i = 0; i < compatible.Length; i++) Encoding.ASCII.GetBytes(compatible[i]).CopyTo(box, 16 + 4 * i);
        BinaryPrimitives.WriteInt32BigEndian(box.AsSpan(size), 8);
        "free"u8.CopyTo(box.AsSpan(size + 4));
        return box;
    }

    private static void WriteChunk(Stream file, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        file.Write(word);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        file.Write(word);
    }

    internal static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
