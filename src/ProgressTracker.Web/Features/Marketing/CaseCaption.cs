namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// The lines under a case picture, from facts rather than free text: what was done, how many sessions, how many
/// weeks after the first — then marketing's own line, then the clinic's disclaimer. Labels name weeks, never dates.
/// </summary>
public static class CaseCaption
{
    public static IReadOnlyList<string> Lines(MarketingPhoto before, MarketingPhoto after, string ownLine, string disclaimer)
    {
        var course = after.Course;
        var facts = new List<string> { course.Product is { Length: > 0 } p ? $"Hip dip treatment with {p}" : "Hip dip treatment" };
        if (course.Sessions > 0) facts.Add($"{course.Sessions} session{(course.Sessions == 1 ? "" : "s")}");
        if (after.Weeks > 0) facts.Add($"{after.Weeks} week{(after.Weeks == 1 ? "" : "s")} after the first session");
        var lines = new List<string> { string.Join(" · ", facts) };
        if (!string.IsNullOrWhiteSpace(ownLine)) lines.Add(ownLine);
        if (!string.IsNullOrWhiteSpace(disclaimer)) lines.Add(disclaimer);
        return lines;
    }

    public static string BeforeLabel(MarketingPhoto before) =>
        before.WeekLabel == "Before treatment" ? before.WeekLabel : $"Before · {before.WeekLabel.ToLowerInvariant()}";

    public static string AfterLabel(MarketingPhoto after) => $"After · {after.WeekLabel.ToLowerInvariant()}";
}
