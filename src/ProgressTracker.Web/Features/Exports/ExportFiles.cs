using System.Globalization;
using ProgressTracker.Imaging.Composition;

namespace ProgressTracker.Web.Features.Exports;

/// <summary>What an export's file is called and what it contains. Names carry the view and visit dates only: no name or record number.</summary>
public static class ExportFiles
{
    public static string Extension(ExportKind kind) => kind == ExportKind.Animation ? "gif" : "jpg";

    public static string ContentType(ExportKind kind) => kind == ExportKind.Animation ? "image/gif" : "image/jpeg";

    public static CompositionKind Composition(ExportKind kind) => kind switch
    {
        ExportKind.SideBySide => CompositionKind.SideBySide,
        ExportKind.Sequence => CompositionKind.Sequence,
        _ => CompositionKind.Animation,
    };

    /// <summary>
    /// "left-lateral-2026-03-12-vs-2026-09-10.jpg", "front-hip-sequence-2026-03-12-to-2026-09-10.jpg",
    /// "back-animation-2026-03-12-to-2026-09-10.gif": dates of the first and last photo in export order.
    /// </summary>
    public static string Name(ExportKind kind, PhotoView view, bool cropToHip, IReadOnlyList<DateOnly> dates)
    {
        var prefix = EnumNames.ToKebab(view) + (cropToHip ? "-hip" : "");
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var span = dates.Count == 0 ? "" : $"{Day(dates[0])}-{(kind == ExportKind.SideBySide ? "vs" : "to")}-{Day(dates[^1])}";
        var middle = kind == ExportKind.SideBySide ? "" : $"-{EnumNames.ToKebab(kind)}";
        return $"{prefix}{middle}-{span}.{Extension(kind)}";
    }
}
