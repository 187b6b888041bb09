using System.Globalization;

namespace ProgressTracker.Imaging.Inspection;

/// <summary>
/// Human-scale numbers for rejection messages. A value just over its limit must not print the same as the
/// limit ("50 MB; the limit is 50 MB"), so the value gets more decimals until the two read differently.
/// </summary>
internal static class Quantities
{
    private const double Mebibyte = 1024.0 * 1024.0;

    public static (string Value, string Limit) Bytes(long value, long limit) =>
        Apart(value, limit, Size, exact: $"{value.ToString("N0", CultureInfo.InvariantCulture)} bytes");

    public static (string Value, string Limit) Megapixels(long value, long limit) =>
        Apart(value / 1e6, limit / 1e6, (mp, extra) => Number(mp, BaseDecimals(mp) + extra),
            exact: (value / 1e6).ToString("0.0#####", CultureInfo.InvariantCulture));

    private static (string, string) Apart<T>(T value, T limit, Func<T, int, string> format, string exact)
    {
        var limitText = format(limit, 0);
        for (var extra = 0; extra <= 2; extra++)
        {
            var valueText = format(value, extra);
            if (valueText != limitText) return (valueText, limitText);
        }
        return (exact, limitText);
    }

    private static string Size(long bytes, int decimals)
    {
        if (bytes >= Mebibyte) return $"{Number(bytes / Mebibyte, decimals)} MB";
        if (bytes >= 1024) return $"{Number(bytes / 1024.0, decimals)} KB";
        return bytes == 1 ? "1 byte" : $"{bytes} bytes";
    }

    // Whole numbers from 10 up, otherwise enough decimals to show something other than zero.
    private static int BaseDecimals(double value) => value >= 10 ? 0 : value >= 1 ? 1 : 2;

    private static string Number(double value, int decimals) =>
        Math.Round(value, decimals).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
}
