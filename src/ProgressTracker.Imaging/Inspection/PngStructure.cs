using System.Buffers.Binary;

namespace ProgressTracker.Imaging.Inspection;

/// <summary>
/// Walks PNG chunks by their declared lengths (seeking, not reading, over pixel data). Dimensions come
/// from IHDR, so a forged header claiming a huge canvas is caught before anything is allocated.
/// </summary>
internal static class PngStructure
{
    private const int SignatureLength = 8;

    public static StructureCheck Walk(Stream stream)
    {
        var reader = new ByteReader(stream);
        if (!reader.TrySkip(SignatureLength)) return StructureCheck.Truncated();

        Span<byte> chunkHead = stackalloc byte[8];
        Span<byte> ihdr = stackalloc byte[13];
        if (!reader.TryReadExactly(chunkHead)) return StructureCheck.Truncated();
        if (BinaryPrimitives.ReadUInt32BigEndian(chunkHead) != 13 || !chunkHead[4..].SequenceEqual("IHDR"u8))
            return StructureCheck.Damaged;
        if (!reader.TryReadExactly(ihdr) || !reader.TrySkip(4)) return StructureCheck.Truncated();

        var width = BinaryPrimitives.ReadUInt32BigEndian(ihdr);
        var height = BinaryPrimitives.ReadUInt32BigEndian(ihdr[4..]);
        // The PNG specification caps each dimension at 2^31 - 1.
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue) return StructureCheck.Damaged;
        int w = (int)width, h = (int)height;

        var seenImageData = false;
        while (true)
        {
            if (!reader.TryReadExactly(chunkHead)) return StructureCheck.Truncated(w, h);
            var length = BinaryPrimitives.ReadUInt32BigEndian(chunkHead);
            if (length > int.MaxValue) return new(StructureStatus.HeaderDamaged, w, h);
            var type = chunkHead[4..];
            if (type.SequenceEqual("IEND"u8))
            {
                if (!reader.TrySkip(4)) return StructureCheck.Truncated(w, h);
                return new(seenImageData ? StructureStatus.Complete : StructureStatus.NoImageData, w, h);
            }
            seenImageData |= type.SequenceEqual("IDAT"u8);
            if (!reader.TrySkip(length + 4L)) return StructureCheck.Truncated(w, h);
        }
    }
}
