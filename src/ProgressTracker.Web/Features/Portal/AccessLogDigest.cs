namespace ProgressTracker.Web.Features.Portal;

/// <summary>
/// The access log in a patient's words: one line per day, person (or role) and kind of access — "A clinician looked
/// at 8 photos" rather than eight rows (every thumbnail on a screen is its own audit entry).
/// </summary>
public static class AccessLogDigest
{
    public sealed record Line(DateOnly Day, DateTimeOffset First, DateTimeOffset Last, string Who, string What, int Count);

    public static IReadOnlyList<Line> Of(IReadOnlyList<AccessLogItem> newestFirst) =>
        newestFirst
            .GroupBy(i => (Day: DateOnly.FromDateTime(i.At.UtcDateTime), Who: Who(i), Kind: Kind(i.Action)))
            .Select(g => new Line(g.Key.Day, g.Min(i => i.At), g.Max(i => i.At), g.Key.Who,
                What(g.Key.Kind, g.Select(i => i.PhotoId ?? Guid.Empty).Distinct().Count(), g.Count()), g.Count()))
            .OrderByDescending(l => l.Last)
            .ToList();

    /// <summary>"A clinician", or the staff member's name when the clinic shows names.</summary>
    public static string Who(AccessLogItem item) => item.ActorName ?? item.ActorRole switch
    {
        "clinician" => "A clinician",
        "admin" => "A clinic administrator",
        "marketing" => "The clinic's marketing team",
        null or "" => "The system",
        var other => $"Someone with the role {other}",
    };

    private enum AccessKind { Record, Viewed, Downloaded, Original, ExportMade, ExportDownloaded, Archive, MarketingViewed, CaseDownloaded, CasePublished, Other }

    private static AccessKind Kind(string action) => action switch
    {
        AuditActions.PatientViewed => AccessKind.Record,
        AuditActions.PhotoViewed => AccessKind.Viewed,
        AuditActions.PhotoDownloaded => AccessKind.Downloaded,
        AuditActions.PhotoOriginalDownloaded => AccessKind.Original,
        AuditActions.ExportMade => AccessKind.ExportMade,
        AuditActions.ExportDownloaded => AccessKind.ExportDownloaded,
        AuditActions.ArchiveDownloaded => AccessKind.Archive,
        AuditActions.MarketingPhotoViewed => AccessKind.MarketingViewed,
        AuditActions.CaseDownloaded => AccessKind.CaseDownloaded,
        AuditActions.CasePublished => AccessKind.CasePublished,
        _ => AccessKind.Other,
    };

    private static string What(AccessKind kind, int photos, int times) => kind switch
    {
        AccessKind.Record => "opened your record" + Times(times),
        AccessKind.Viewed => $"looked at {Photos(photos)}",
        AccessKind.Downloaded => $"downloaded {Photos(photos)}",
        AccessKind.Original => $"downloaded the original file of {Photos(photos)}",
        AccessKind.ExportMade => times == 1 ? "made a picture of your photos to share" : $"made {times} pictures of your photos to share",
        AccessKind.ExportDownloaded => times == 1 ? "downloaded a picture made from your photos" : $"downloaded pictures made from your photos {times} times",
        AccessKind.Archive => "downloaded your data archive",
        AccessKind.MarketingViewed => $"looked at a de-identified copy of {Photos(photos)} you allowed for marketing",
        AccessKind.CaseDownloaded => times == 1 ? "saved a before/after picture made from your photos" : $"saved a before/after picture made from your photos {times} times",
        AccessKind.CasePublished => "published a before/after picture made from your photos in a gallery",
        _ => "accessed your record",
    };

    private static string Photos(int n) => n == 1 ? "1 photo" : $"{n} photos";
    private static string Times(int n) => n == 1 ? "" : $" ({n} times)";
}
