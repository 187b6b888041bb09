using System.Buffers.Binary;
using System.Text;

namespace ProgressTracker.Imaging.Evaluation.Heif;

/// <summary>
/// One box of an ISO base media file (HEIF): <see cref="Start"/> is where its size field is, <see cref="Body"/>
/// where its payload begins (after the 8- or 16-byte header), <see cref="End"/> one past its last byte.
/// </summary>
public readonly record struct IsoBox(string Type, int Start, int Body, int End)
{
    /// <summary>The whole box, header included, as a copy (item properties are copied into other files as is).</summary>
    public byte[] Bytes(byte[] file) => file[Start..End];

    /// <summary>The boxes directly inside <paramref name="file"/>[start..end).</summary>
    public static List<IsoBox> Children(byte[] file, int start, int end)
    {
        var boxes = new List<IsoBox>();
        var at = start;
        while (at + 8 <= end)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
            var header = 8;
            if (size == 1)
            {
                size = checked((long)BinaryPrimitives.ReadUInt64BigEndian(file.AsSpan(at + 8)));
                header = 16;
            }
            else if (size == 0)
            {
                size = end - at; // "to the end of the file"
            }
            if (size < header || at + size > end) throw new InvalidDataException($"Box at {at} overruns its parent.");
            boxes.Add(new IsoBox(Encoding.ASCII.GetString(file, at + 4, 4), at, at + header, at + (int)size));
            at += (int)size;
        }
        return boxes;
    }

    /// <summary>The single child of the given type, or an exception naming what is missing.</summary>
    public static IsoBox Single(List<IsoBox> boxes, string type)
    {
        var matching = boxes.Where(b => b.Type == type).ToList();
        return matching.Count == 1 ? matching[0] : throw new InvalidDataException($"Expected one '{type}' box, found {matching.Count}.");
    }
}

/// <summary>
/// Builds big-endian box payloads. Box sizes are always 32-bit here: nothing this writer makes comes near 4 GB.
/// </summary>
public sealed class BoxPayload
{
    private readonly MemoryStream _bytes = new();

    public BoxPayload U8(int value)
    {
        _bytes.WriteByte(checked((byte)value));
        return this;
    }

    public BoxPayload U16(int value)
    {
        Span<byte> buffer = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(buffer, checked((ushort)value));
        _bytes.Write(buffer);
        return this;
    }

    public BoxPayload U32(long value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, checked((uint)value));
        _bytes.Write(buffer);
        return this;
    }

    /// <summary>A four-character code such as 'hvc1'.</summary>
    public BoxPayload Type(string fourCc)
    {
        if (fourCc.Length != 4) throw new ArgumentException($"'{fourCc}' is not a four-character code.", nameof(fourCc));
        _bytes.Write(Encoding.ASCII.GetBytes(fourCc));
        return this;
    }

    /// <summary>A null-terminated UTF-8 string, as in 'hdlr' names and 'infe' item names.</summary>
    public BoxPayload String(string text)
    {
        _bytes.Write(Encoding.UTF8.GetBytes(text));
        _bytes.WriteByte(0);
        return this;
    }

    public BoxPayload Bytes(ReadOnlySpan<byte> bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    /// <summary>The version byte and 24-bit flags that open every full box.</summary>
    public BoxPayload FullBoxHeader(int version, int flags) => U32(((long)version << 24) | (uint)(flags & 0xFFFFFF));

    public byte[] ToArray() => _bytes.ToArray();

    /// <summary>A box: 32-bit size, type, then the payload parts in order.</summary>
    public static byte[] Box(string type, params byte[][] parts)
    {
        var size = 8 + parts.Sum(p => (long)p.Length);
        var box = new BoxPayload().U32(size).Type(type);
        foreach (var part in parts) box.Bytes(part);
        return box.ToArray();
    }

    /// <summary>A full box: like <see cref="Box"/> with version and flags in front of the payload.</summary>
    public static byte[] FullBox(string type, int version, int flags, params byte[][] parts) =>
        Box(type, [new BoxPayload().FullBoxHeader(version, flags).ToArray(), .. parts]);
}
