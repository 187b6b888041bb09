using System.Text.Unicode;

namespace ProgressTracker.Imaging.Inspection;

/// <summary>What the first bytes of a file say it is: an accepted image kind, or a description of something else.</summary>
internal readonly record struct SniffResult(ImageFormatKind? Kind, string? ForeignDescription);

/// <summary>
/// Detects the file type from magic bytes only. File names and declared content types are ignored
/// because browsers and phones get them wrong (".jpg" HEICs, "application/octet-stream").
/// </summary>
internal static class FormatSniffer
{
    /// <summary>Enough bytes for every signature, including a long ISO-BMFF brand list.</summary>
    public const int HeaderLength = 256;

    public static SniffResult Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Image(ImageFormatKind.Jpeg);
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Image(ImageFormatKind.Png);
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return Image(ImageFormatKind.WebP);
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) return Image(ImageFormatKind.Tiff);
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)) return IsoBmffBrands.Classify(head);
        return new SniffResult(null, DescribeForeign(head));
    }

    private static SniffResult Image(ImageFormatKind kind) => new(kind, null);

    private static string? DescribeForeign(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF"u8)) return "a PDF";
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return "a GIF image";
        if (head.StartsWith("BM"u8) && head.Length >= 14) return "a BMP image";
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8)) return "a ZIP archive (for example a Word document)";
        if (head.Length >= 8 && IsQuickTimeAtom(head[4..8])) return "a video (MP4 or MOV)";
        if (LooksLikeText(head)) return "a text document or web page";
        return null;
    }

    // Older QuickTime files start straight with a movie atom instead of 'ftyp'.
    private static bool IsQuickTimeAtom(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("moov"u8) || type.SequenceEqual("mdat"u8) || type.SequenceEqual("wide"u8) ||
        type.SequenceEqual("free"u8) || type.SequenceEqual("skip"u8);

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return true;
        foreach (var b in head)
        {
            // Control characters other than tab/newline/carriage return/form feed mean binary.
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D)) return false;
        }
        if (Utf8.IsValid(head)) return true;
        // The header sample may end in the middle of a multi-byte character.
        for (var cut = 1; cut <= 3 && head.Length - cut >= 16; cut++)
        {
            if (Utf8.IsValid(head[..^cut])) return true;
        }
        return false;
    }
}
