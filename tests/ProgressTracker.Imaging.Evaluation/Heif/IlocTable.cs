using System.Buffers.Binary;

namespace ProgressTracker.Imaging.Evaluation.Heif;

/// <summary>
/// The entries of an 'iloc' box (versions 0–2): where each item's bytes are, and where in the file each offset field
/// sits, so a caller can read an item or move its offsets when it inserts bytes in front of them.
/// </summary>
public static class IlocTable
{
    /// <summary>One extent: <see cref="OffsetAt"/> is the position of its offset field (<see cref="OffsetSize"/> bytes).</summary>
    public sealed record Extent(long Offset, int OffsetAt, int OffsetSize, long Length);

    /// <summary>One item: its base offset (field at <see cref="BaseOffsetAt"/>, 0 bytes when absent) and its extents.</summary>
    public sealed record Entry(uint ItemId, int ConstructionMethod, int DataReference, long BaseOffset, int BaseOffsetAt,
        int BaseOffsetSize, IReadOnlyList<Extent> Extents)
    {
        /// <summary>Stored in this file (construction method 0, no external data reference).</summary>
        public bool InFile => ConstructionMethod == 0 && DataReference == 0;
    }

    /// <summary>The entries of the 'iloc' box whose payload starts at <paramref name="body"/>.</summary>
    public static List<Entry> Read(byte[] file, int body)
    {
        var version = file[body];
        var at = body + 4;
        int offsetSize = file[at] >> 4, lengthSize = file[at] & 15, baseOffsetSize = file[at + 1] >> 4;
        var indexSize = version is 1 or 2 ? file[at + 1] & 15 : 0;
        at += 2;
        var count = version < 2 ? ReadSized(file, ref at, 2) : ReadSized(file, ref at, 4);

        var entries = new List<Entry>();
        for (var i = 0; i < count; i++)
        {
            var id = (uint)ReadSized(file, ref at, version < 2 ? 2 : 4);
            var constructionMethod = version is 1 or 2 ? (int)ReadSized(file, ref at, 2) & 15 : 0;
            var dataReference = (int)ReadSized(file, ref at, 2);
            var baseOffsetAt = at;
            var baseOffset = ReadSized(file, ref at, baseOffsetSize);
            var extentCount = ReadSized(file, ref at, 2);
            var extents = new List<Extent>();
            for (var e = 0; e < extentCount; e++)
            {
                at += indexSize;
                var offsetAt = at;
                var offset = ReadSized(file, ref at, offsetSize);
                extents.Add(new Extent(offset, offsetAt, offsetSize, ReadSized(file, ref at, lengthSize)));
            }
            entries.Add(new Entry(id, constructionMethod, dataReference, baseOffset, baseOffsetAt, baseOffsetSize, extents));
        }
        return entries;
    }

    /// <summary>Overwrites an offset field of <paramref name="size"/> bytes (4 or 8) at <paramref name="at"/>.</summary>
    public static void WriteOffset(byte[] file, int at, int size, long value)
    {
        if (size == 4) BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(at), checked((uint)value));
        else if (size == 8) BinaryPrimitives.WriteUInt64BigEndian(file.AsSpan(at), (ulong)value);
        else throw new InvalidDataException($"Unsupported iloc field size {size}.");
    }

    private static long ReadSized(byte[] file, ref int at, int size)
    {
        var value = size switch
        {
            0 => 0L,
            2 => BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(at)),
            4 => BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at)),
            8 => checked((long)BinaryPrimitives.ReadUInt64BigEndian(file.AsSpan(at))),
            _ => throw new InvalidDataException($"Unsupported iloc field size {size}."),
        };
        at += size;
        return value;
    }
}
