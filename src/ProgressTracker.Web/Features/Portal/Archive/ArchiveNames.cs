using System.Globalization;
using ProgressTracker.Web.Features.Timeline;

namespace ProgressTracker.Web.Features.Portal.Archive;

/// <summary>
/// The names inside and of an archive: dates, weeks and views only — never the patient's name, record number or any
/// id — so a file that travels on alone still says what it shows and nothing about whose it is.
/// </summary>
public static class ArchiveNames
{
    /// <summary>"my-progress-photos-2026-12-06.zip".</summary>
    public static string Download(DateTimeOffset createdAt) =>
        $"my-progress-photos-{createdAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.zip";

    /// <summary>"photos/2026-04-09_week-04_front.jpg"; <paramref name="repeat"/> 2, 3… when a visit has several of a view.</summary>
    public static string Photo(DateOnly date, string weeks, PhotoView view, int repeat = 1) =>
        $"photos/{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}_{weeks}_{EnumNames.ToKebab(view)}" +
        (repeat > 1 ? $"-{repeat}" : "") + ".jpg";

    /// <summary>
    /// "week-00" on the first session, "week-26" after it, "2-weeks-before" for a visit before it; the same weeks the
    /// portal and exports show (<see cref="TreatmentCourse"/>). Two digits keep the files in order when sorted by name.
    /// </summary>
    public static string Weeks(TreatmentCourse course, DateOnly date)
    {
        if (course.Start is not { } start) return "week-00";
        var days = date.DayNumber - start.DayNumber;
        if (days >= 0) return $"week-{days / 7:00}";
        var before = Math.Max(1, -days / 7);
        return before == 1 ? "1-week-before" : $"{before}-weeks-before";
    }
}
