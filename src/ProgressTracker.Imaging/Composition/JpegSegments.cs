using System.Buffers.Binary;

namespace ProgressTracker.Imaging.Composition;

/// <summary>One marker segment of a JPEG header: its marker byte and its payload (without marker and length).</summary>
internal readonly record struct JpegSegment(byte Marker, int Offset, int Length);

/// <summary>
/// The header segments of a JPEG (everything before the first scan), and splicing one more in. OpenCV's encoder
/// writes no application segment but the JFIF header, so an XMP packet is added by inserting bytes, without
/// decoding or re-encoding anything.
/// </summary>
internal static class JpegSegments
{
    private const byte Soi = 0xD8, Sos = 0xDA, Eoi = 0xD9, App0 = 0xE0;

    /// <summary>The segments from SOI up to (not including) the first scan; empty when the bytes are no JPEG.</summary>
    public static IReadOnlyList<JpegSegment> Header(ReadOnlySpan<byte> jpeg)
    {
        var segments = new List<JpegSegment>();
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != Soi) return segments;
        var position = 2;
        while (position + 4 <= jpeg.Length)
        {
            if (jpeg[position] != 0xFF) break;
            var marker = jpeg[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }
            if (marker is Sos or Eoi) break;
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(position + 2)..]);
            if (length < 2 || position + 2 + length > jpeg.Length) break;
            segments.Add(new JpegSegment(marker, position + 4, length - 2));
            position += 2 + length;
        }
        return segments;
    }

    /// <summary>
    /// A copy of <paramref name="jpeg"/> with an APPn segment holding <paramref name="payload"/> inserted right after
    /// SOI, or after the JFIF APP0 segment when there is one (JFIF requires its header to come first).
    /// </summary>
    public static byte[] Insert(byte[] jpeg, byte marker, ReadOnlySpan<byte> payload)
    {
        if (payload.Length + 2 > ushort.MaxValue)
            throw new ArgumentException($"A JPEG segment holds at most {ushort.MaxValue - 2} bytes; this one has {payload.Length}.", nameof(payload));
        var header = Header(jpeg);
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != Soi)
            throw new ArgumentException("The bytes are not a JPEG.", nameof(jpeg));
        // A segment's payload starts 4 bytes after its marker (FF xx and the length); SOI takes bytes 0 and 1.
        var at = header.Count > 0 && header[0].Marker == App0 && header[0].Offset == 2 + 4
            ? header[0].Offset + header[0].Length
            : 2;

        var result = new byte[jpeg.Length + 4 + payload.Length];
        jpeg.AsSpan(0, at).CopyTo(result);
        result[at] = 0xFF;
        result[at + 1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(at + 2), (ushort)(payload.Length + 2));
        payload.CopyTo(result.AsSpan(at + 4));
        jpeg.AsSpan(at).CopyTo(result.AsSpan(at + 4 + payload.Length));
        return result;
    }
}
