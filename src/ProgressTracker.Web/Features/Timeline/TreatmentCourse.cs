using ProgressTracker.Web.Features.Visits;

namespace ProgressTracker.Web.Features.Timeline;

/// <summary>
/// The treatment course seen across a patient's visits: results build over weeks, so every date is labelled with
/// the weeks since the first treatment session (or since the first visit when nothing was injected).
/// </summary>
public sealed class TreatmentCourse
{
    public DateOnly? Start { get; }
    public string? Product { get; }
    public int Sessions { get; }
    public bool HasTreatment => Sessions > 0;
    /// <summary>Captions in the patient's words: the start is "first session", not the clinic's "baseline".</summary>
    public bool PatientWording { get; init; }

    public TreatmentCourse(IReadOnlyList<VisitDto> visitsInDateOrder)
    {
        var sessions = visitsInDateOrder.Where(v => v.Kind == VisitKind.Treatment).ToList();
        Sessions = sessions.Count;
        Product = sessions.Select(v => v.Treatment?.Product).FirstOrDefault(p => !string.IsNullOrEmpty(p));
        Start = sessions.FirstOrDefault()?.Date ?? visitsInDateOrder.FirstOrDefault()?.Date;
    }

    public int? WeeksAt(DateOnly date) => Start is { } s ? (date.DayNumber - s.DayNumber) / 7 : null;

    /// <summary>The grid's short form: "first session" (or "baseline"), "wk 4", or "2 wk before".</summary>
    public string WeekLabel(DateOnly date) => Weeks(date) switch
    {
        null => "",
        (0, _) => HasTreatment ? "first session" : "baseline",
        ( > 0, var w) => $"wk {w}",
        (_, var w) => $"{w} wk before",
    };

    /// <summary>
    /// The caption under a compared or exported photo: "baseline", "week 26", "2 weeks before first session".
    /// One rule for the screen and the exported picture, so both say the same.
    /// </summary>
    public string WeekPhrase(DateOnly date) => Weeks(date) switch
    {
        null => "",
        (0, _) => !PatientWording ? "baseline" : HasTreatment ? "first session" : "first visit",
        ( > 0, var w) => $"week {w}",
        (_, var w) => $"{w} week{(w == 1 ? "" : "s")} before first session",
    };

    /// <summary>Days from the start, and whole weeks (at least one when before the start: "3 days before" is not "week 0").</summary>
    private (int Days, int Weeks)? Weeks(DateOnly date)
    {
        if (Start is not { } start) return null;
        var days = date.DayNumber - start.DayNumber;
        return days >= 0 ? (days, days / 7) : (days, Math.Max(1, -days / 7));
    }

    /// <summary>
    /// The patient's headline: "Week 14 since your first session" (or "…first visit" without injections), or when
    /// the first session is still ahead, "Your first session is on 12 Mar 2026".
    /// </summary>
    public string? PatientHeadline(DateOnly today)
    {
        if (Start is not { } start) return null;
        var what = HasTreatment ? "session" : "visit";
        if (today < start) return $"Your first {what} is on {start:d MMM yyyy}";
        var weeks = (today.DayNumber - start.DayNumber) / 7;
        return weeks == 0 ? $"The week of your first {what}" : $"Week {weeks} since your first {what}";
    }

    /// <summary>"PLLA · 3 sessions so far · started 12 Mar 2026", in the patient's words.</summary>
    public string? PatientSummary =>
        HasTreatment
            ? $"{Product ?? "Treatment"} · {Sessions} session{(Sessions == 1 ? "" : "s")} so far · started {Start:d MMM yyyy}"
            : Start is { } s ? $"Following your progress since {s:d MMM yyyy}" : null;

    /// <summary>"PLLA · 3 sessions · started 12 Mar 2026".</summary>
    public string? Summary =>
        HasTreatment
            ? $"{Product ?? "Treatment"} · {Sessions} session{(Sessions == 1 ? "" : "s")} · started {Start:d MMM yyyy}"
            : Start is { } s ? $"No injections recorded · first visit {s:d MMM yyyy}" : null;
}
