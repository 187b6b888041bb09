using ProgressTracker.Web.Domain;
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

    public TreatmentCourse(IReadOnlyList<VisitDto> visitsInDateOrder)
    {
        var sessions = visitsInDateOrder.Where(v => v.Kind == VisitKind.Treatment).ToList();
        Sessions = sessions.Count;
        Product = sessions.Select(v => v.Treatment?.Product).FirstOrDefault(p => !string.IsNullOrEmpty(p));
        Start = sessions.FirstOrDefault()?.Date ?? visitsInDateOrder.FirstOrDefault()?.Date;
    }

    public int? WeeksAt(DateOnly date) => Start is { } s ? (date.DayNumber - s.DayNumber) / 7 : null;

    /// <summary>"baseline", "wk 4", or "2 wk before" for visits before the first session.</summary>
    public string WeekLabel(DateOnly date)
    {
        if (WeeksAt(date) is not { } weeks) return "";
        if (date == Start) return HasTreatment ? "first session" : "baseline";
        return weeks >= 0 ? $"wk {weeks}" : $"{-weeks} wk before";
    }

    /// <summary>The caption under a compared photo: "baseline", "first session", "week 26", "3 weeks before".</summary>
    public string WeekPhrase(DateOnly date)
    {
        if (WeeksAt(date) is not { } weeks) return "";
        if (date == Start) return HasTreatment ? "first session" : "baseline";
        return weeks >= 0 ? $"week {weeks}" : $"{-weeks} week{(weeks == -1 ? "" : "s")} before";
    }

    /// <summary>"PLLA · 3 sessions · started 12 Mar 2026".</summary>
    public string? Summary =>
        HasTreatment
            ? $"{Product ?? "Treatment"} · {Sessions} session{(Sessions == 1 ? "" : "s")} · started {Start:d MMM yyyy}"
            : Start is { } s ? $"No injections recorded · first visit {s:d MMM yyyy}" : null;
}
