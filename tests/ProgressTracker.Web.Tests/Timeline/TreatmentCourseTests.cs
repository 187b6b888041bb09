using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Timeline;
using ProgressTracker.Web.Features.Visits;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Timeline;

/// <summary>Weeks since the first session, as the grid (short) and the captions and exports (long) say them.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class TreatmentCourseTests
{
    private static readonly TreatmentCourse Plla = new(
    [
        Visit("2026-02-20", VisitKind.Baseline), Visit("2026-03-12", VisitKind.Treatment, 1),
        Visit("2026-04-09", VisitKind.Treatment, 2), Visit("2026-09-10", VisitKind.FollowUp),
    ]);

    [Theory]
    [InlineData("2026-03-12", "first session", "baseline")]
    [InlineData("2026-03-18", "wk 0", "week 0")]
    [InlineData("2026-04-09", "wk 4", "week 4")]
    [InlineData("2026-09-10", "wk 26", "week 26")]
    [InlineData("2026-03-09", "1 wk before", "1 week before first session")] // 3 days before is not "week 0"
    [InlineData("2026-02-20", "2 wk before", "2 weeks before first session")]
    public void Labels_count_whole_weeks_from_the_first_session(string date, string shortLabel, string phrase)
    {
        var day = DateOnly.Parse(date);
        Assert.Equal(shortLabel, Plla.WeekLabel(day));
        Assert.Equal(phrase, Plla.WeekPhrase(day));
    }

    [Fact]
    public void Without_injections_the_first_visit_is_the_baseline()
    {
        var course = new TreatmentCourse([Visit("2026-01-05", VisitKind.Baseline), Visit("2026-03-02", VisitKind.FollowUp)]);
        Assert.False(course.HasTreatment);
        Assert.Equal("baseline", course.WeekLabel(new DateOnly(2026, 1, 5)));
        Assert.Equal("week 8", course.WeekPhrase(new DateOnly(2026, 3, 2)));
        Assert.Equal("No injections recorded · first visit 5 Jan 2026", course.Summary);
    }

    [Fact]
    public void No_visits_no_labels() => Assert.Equal("", new TreatmentCourse([]).WeekPhrase(new DateOnly(2026, 1, 1)));

    private static VisitDto Visit(string date, VisitKind kind, int? session = null) =>
        new(Guid.NewGuid(), Guid.Empty, DateOnly.Parse(date), kind, null,
            session is { } s ? new TreatmentDto("PLLA", null, 8m, [], s) : null);
}
