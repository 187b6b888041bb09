using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace ProgressTracker.Imaging.Normalization;

/// <summary>
/// Reads when the photo was taken from the original file's EXIF (JPEG, PNG, WebP, TIFF, HEIC alike).
/// MetadataExtractor is used rather than ImageMagick because ImageMagick exposes TIFF EXIF only as loose properties.
/// </summary>
internal static class CaptureTimeReader
{
    private const int DateTimeOriginalTag = 0x9003;
    private const int OffsetTimeOriginalTag = 0x9011; // EXIF 2.31 "OffsetTimeOriginal"
    private static readonly string[] DateFormats = ["yyyy:MM:dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy:MM:dd HH:mm"];

    public static DateTimeOffset? Read(ReadOnlyMemory<byte> original) => Read(ReadDirectories(original));

    /// <summary>Every metadata directory MetadataExtractor finds; empty when the metadata cannot be read.</summary>
    public static IReadOnlyList<MetadataExtractor.Directory> ReadDirectories(ReadOnlyMemory<byte> original)
    {
        try
        {
            using var stream = ReadOnlyStream.Over(original);
            return ImageMetadataReader.ReadMetadata(stream);
        }
#pragma warning disable CA1031 // Unreadable metadata only costs the capture time, never the photo.
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }
    }

    /// <summary>The first IFD0 orientation tag (1–8), as ImageMagick reads it from a JPEG; null when absent.</summary>
    public static int? Orientation(IReadOnlyList<MetadataExtractor.Directory> directories)
    {
        var ifd0 = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        return ifd0 is not null && ifd0.TryGetInt32(ExifDirectoryBase.TagOrientation, out var value) ? value : null;
    }

    public static DateTimeOffset? Read(IReadOnlyList<MetadataExtractor.Directory> directories)
    {
        var exif = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault(d => d.ContainsTag(DateTimeOriginalTag));
        var text = exif?.GetString(DateTimeOriginalTag)?.Trim('\0', ' ');
        if (string.IsNullOrEmpty(text)) return null;
        if (!DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;

        var offset = ParseOffset(exif!.GetString(OffsetTimeOriginalTag)) ?? TimeSpan.Zero;
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }

    /// <summary>Offsets look like "+02:00" or "-05:30".</summary>
    private static TimeSpan? ParseOffset(string? text)
    {
        text = text?.Trim('\0', ' ');
        if (string.IsNullOrEmpty(text) || text.Length != 6 || text[0] is not ('+' or '-')) return null;
        if (!TimeSpan.TryParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var magnitude)) return null;
        if (magnitude > TimeSpan.FromHours(14)) return null;
        return text[0] == '-' ? -magnitude : magnitude;
    }
}
