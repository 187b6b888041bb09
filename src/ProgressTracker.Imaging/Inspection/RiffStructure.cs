using System.Buffers.Binary;

namespace ProgressTracker.Imaging.Inspection;

/// <summary>The two WebP facts readable from the RIFF framing alone, before any parser sees the image chunk.</summary>
internal static class RiffStructure
{
    /// <summary>A RIFF header states the file's total size, so a short WebP is detectable without parsing further.</summary>
    public static bool IsTruncated(Stream stream)
    {
        Span<byte> header = stackalloc byte[8];
        stream.Position = 0;
        stream.ReadExactly(header);
        var declared = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) + 8L;
        return stream.Length < declared;
    }

    /// <summary>
    /// The first chunk must be large enough for the header that carries the dimensions ('VP8 ' 10 bytes, 'VP8L' 5,
    /// 'VP8X' 10). Parsers disagree on a chunk declared shorter: one reads the size from bytes past its end, another
    /// ignores the declared size, so the size approved here would not be the size decoded later.
    /// </summary>
    public static bool FirstChunkTooShort(Stream stream)
    {
        Span<byte> chunk = stackalloc byte[8];
        stream.Position = 12;
        if (stream.Length < 20) return true;
        stream.ReadExactly(chunk);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
        var fourCc = chunk[..4];
        var needed = fourCc.SequenceEqual("VP8L"u8) ? 5u : 10u;
        return size < needed;
    }
}
