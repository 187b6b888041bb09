using System.Globalization;
using ProgressTracker.Web.Features.Timeline;

namespace ProgressTracker.Web.Features.Exports;

/// <summary>
/// The label under each photo of an export: its date and the weeks since the first treatment session (see
/// <see cref="TreatmentCourse"/>), e.g. "12 Mar 2026 · baseline", "10 Sep 2026 · week 26". The first day of the
/// course is the baseline: photos of a first session are taken before the injection. In an export meant to be
/// aligned, a photo shown as taken (its alignment is missing or needs review) says so, so nobody reads a shift in
/// framing as a change in contour.
/// </summary>
public static class ExportLabels
{
    public const string NotAligned = "not aligned";

    public static string For(TreatmentCourse course, DateOnly date, bool notAligned = false)
    {
        var label = DateAndWeek(course, date);
        return notAligned ? $"{label} · {NotAligned}" : label;
    }

    private static string DateAndWeek(TreatmentCourse course, DateOnly date)
    {
        var day = date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        var phrase = course.WeekPhrase(date);
        return phrase.Length == 0 ? day : $"{day} · {phrase}";
    }
}
