using System.Globalization;
using ImageMagick;

namespace ProgressTracker.Imaging.Normalization;

/// <summary>Reads when the photo was taken from EXIF, before the metadata is dropped.</summary>
internal static class CaptureTimeReader
{
    private static readonly string[] DateFormats = ["yyyy:MM:dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy:MM:dd HH:mm"];

    public static DateTimeOffset? Read(IMagickImage<byte> image)
    {
        IExifProfile? exif;
        try
        {
            exif = image.GetExifProfile();
        }
        catch (MagickException)
        {
            return null; // An unreadable EXIF block only costs us the capture time, not the photo.
        }

        var original = exif?.GetValue(ExifTag.DateTimeOriginal)?.Value?.Trim('\0', ' ');
        if (string.IsNullOrEmpty(original)) return null;
        if (!DateTime.TryParseExact(original, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;

        var offset = ParseOffset(exif?.GetValue(ExifTag.OffsetTimeOriginal)?.Value) ?? TimeSpan.Zero;
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }

    /// <summary>EXIF 2.31 offsets look like "+02:00" or "-05:30".</summary>
    private static TimeSpan? ParseOffset(string? text)
    {
        text = text?.Trim('\0', ' ');
        if (string.IsNullOrEmpty(text) || text.Length != 6 || text[0] is not ('+' or '-')) return null;
        if (!TimeSpan.TryParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var magnitude)) return null;
        if (magnitude > TimeSpan.FromHours(14)) return null;
        return text[0] == '-' ? -magnitude : magnitude;
    }
}
