using System.Globalization;

namespace ProgressTracker.Web.Features.Portal.Archive;

/// <summary>README.txt: what the files are, in plain words, for someone opening the zip months later.</summary>
public static class ArchiveReadme
{
    public static string Text(string clinic, DateTimeOffset createdAt, int photos, int missing) =>
        $"""
        Your data from {clinic}
        Prepared on {createdAt.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} (UTC).

        This is your own copy of your progress photos and visits (your right of access and to data portability).
        It contains photos of you: keep it somewhere safe.

        photos/
          {photos} photo{(photos == 1 ? "" : "s")} from your visits, as JPEG images at screen size.
          Each name reads date_weeks_view.jpg. For example 2026-04-09_week-04_front.jpg is a front view taken
          on 9 April 2026, four weeks after your first treatment session; "2-weeks-before" means before it.
          The names and files carry no name, record number or other details about you.
        {(missing > 0 ? $"  {missing} photo{(missing == 1 ? " was" : "s were")} missing from the clinic's storage and could not be included;\n  please tell the clinic.\n" : "")}
        visits.json
          Your visits in date order, as plain JSON that any text editor can open and other services can import:
          date, kind (baseline, treatment, follow-up or other), weeksSinceFirstSession, the treatment given
          (product, volume in ml, areas, session number), the note the clinic wrote for you (when the clinic
          shares these notes), and the names of that visit's photos in the photos/ folder.

        The clinic's own clinical notes and product batch numbers belong to your medical record and are not
        part of this copy. You can ask the clinic for them.

        """;
}
