namespace ProgressTracker.Imaging.Inspection;

/// <summary>
/// Walks JPEG markers segment by segment. Segments are skipped by their declared length, so an
/// FF D9 inside an embedded EXIF thumbnail is never mistaken for the end of the main image; only an
/// EOI reached after the last scan's entropy-coded data counts as complete.
/// </summary>
internal static class JpegStructure
{
    private const byte Eoi = 0xD9, Sos = 0xDA, Soi = 0xD8;

    public static StructureCheck Walk(Stream stream)
    {
        var reader = new ByteReader(stream);
        if (!reader.TryReadUInt16BigEndian(out var soi) || soi != 0xFFD8) return StructureCheck.Damaged;

        int width = 0, height = 0;
        var seenScan = false;
        Span<byte> frame = stackalloc byte[5];
        byte? pending = null;
        while (true)
        {
            byte marker;
            if (pending is { } next)
            {
                marker = next;
                pending = null;
            }
            else if (!TryReadMarker(reader, lenient: seenScan, out marker))
            {
                return reader.Position >= reader.Length ? StructureCheck.Truncated(width, height) : StructureCheck.Damaged;
            }

            if (marker == Eoi) return seenScan ? new(StructureStatus.Complete, width, height) : StructureCheck.Damaged;
            if (marker == Soi) return StructureCheck.Damaged;
            if (IsStandalone(marker)) continue;

            if (!reader.TryReadUInt16BigEndian(out var length)) return StructureCheck.Truncated(width, height);
            if (length < 2) return StructureCheck.Damaged;

            if (IsStartOfFrame(marker) && width == 0)
            {
                if (length < 8) return StructureCheck.Damaged;
                if (!reader.TryReadExactly(frame)) return StructureCheck.Truncated();
                height = (frame[1] << 8) | frame[2];
                width = (frame[3] << 8) | frame[4];
                if (width == 0 || height == 0) return StructureCheck.Damaged;
                if (!reader.TrySkip(length - 2 - frame.Length)) return StructureCheck.Truncated(width, height);
                continue;
            }

            if (!reader.TrySkip(length - 2)) return StructureCheck.Truncated(width, height);
            if (marker != Sos) continue;

            if (width == 0) return StructureCheck.Damaged; // a scan before any frame header
            seenScan = true;
            var afterScan = SkipEntropyCodedData(reader);
            if (afterScan is null) return StructureCheck.Truncated(width, height);
            pending = afterScan;
        }
    }

    /// <summary>Reads FF (fill FFs) marker. After the first scan, stray bytes are skipped as decoders do.</summary>
    private static bool TryReadMarker(ByteReader reader, bool lenient, out byte marker)
    {
        marker = 0;
        if (!reader.TryReadByte(out var first)) return false;
        if (first != 0xFF)
        {
            if (!lenient || !reader.TrySkipToNextFF()) return false;
        }
        do
        {
            if (!reader.TryReadByte(out marker)) return false;
        } while (marker == 0xFF);
        return true;
    }

    /// <summary>Finds the marker that ends a scan; FF 00 (stuffed byte) and restart markers belong to the scan.</summary>
    private static byte? SkipEntropyCodedData(ByteReader reader)
    {
        while (reader.TrySkipToNextFF())
        {
            byte next;
            do
            {
                if (!reader.TryReadByte(out next)) return null;
            } while (next == 0xFF);
            if (next != 0x00 && !IsRestart(next)) return next;
        }
        return null;
    }

    private static bool IsRestart(byte marker) => marker is >= 0xD0 and <= 0xD7;

    private static bool IsStandalone(byte marker) => IsRestart(marker) || marker == 0x01;

    // C4 (DHT), C8 (reserved) and CC (DAC) share the range but are not frame headers.
    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);
}
