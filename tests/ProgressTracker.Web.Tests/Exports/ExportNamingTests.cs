using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Exports;
using ProgressTracker.Web.Features.Timeline;
using ProgressTracker.Web.Features.Visits;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Exports;

/// <summary>What an export says under each photo and what its file is called: dates and weeks only, nothing identifying.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class ExportNamingTests
{
    private static readonly Guid Patient = Guid.NewGuid();

    private static VisitDto Visit(string date, VisitKind kind) =>
        new(Guid.NewGuid(), Patient, DateOnly.Parse(date), kind, null,
            kind == VisitKind.Treatment ? new TreatmentDto("PLLA", null, 8, [], 1) : null);

    private static readonly TreatmentCourse Treated = new([
        Visit("2026-02-26", VisitKind.Other), Visit("2026-03-12", VisitKind.Treatment),
        Visit("2026-04-09", VisitKind.Treatment), Visit("2026-09-10", VisitKind.FollowUp),
    ]);

    private static readonly TreatmentCourse Untreated = new([Visit("2026-03-12", VisitKind.Baseline), Visit("2026-06-18", VisitKind.FollowUp)]);

    [Theory]
    [InlineData("2026-03-12", false, "12 Mar 2026 · baseline")]
    [InlineData("2026-04-09", false, "9 Apr 2026 · week 4")]
    [InlineData("2026-09-10", false, "10 Sep 2026 · week 26")]
    [InlineData("2026-03-18", false, "18 Mar 2026 · week 0")]
    [InlineData("2026-02-26", false, "26 Feb 2026 · 2 weeks before first session")]
    [InlineData("2026-03-09", false, "9 Mar 2026 · 1 week before first session")]
    [InlineData("2026-09-10", true, "10 Sep 2026 · week 26 · not aligned")]
    public void Labels_count_weeks_from_the_first_session(string date, bool notAligned, string expected) =>
        Assert.Equal(expected, ExportLabels.For(Treated, DateOnly.Parse(date), notAligned));

    [Fact]
    public void Without_treatment_weeks_count_from_the_first_visit() =>
        Assert.Equal("18 Jun 2026 · week 14", ExportLabels.For(Untreated, new DateOnly(2026, 6, 18)));

    [Theory]
    [InlineData(ExportKind.SideBySide, PhotoView.LeftLateral, false, "left-lateral-2026-03-12-vs-2026-09-10.jpg")]
    [InlineData(ExportKind.SideBySide, PhotoView.Front, true, "front-hip-2026-03-12-vs-2026-09-10.jpg")]
    [InlineData(ExportKind.Sequence, PhotoView.RightOblique, false, "right-oblique-sequence-2026-03-12-to-2026-09-10.jpg")]
    [InlineData(ExportKind.Animation, PhotoView.Back, true, "back-hip-animation-2026-03-12-to-2026-09-10.gif")]
    public void File_names_carry_view_and_dates_only(ExportKind kind, PhotoView view, bool hip, string expected) =>
        Assert.Equal(expected, ExportFiles.Name(kind, view, hip, [new DateOnly(2026, 3, 12), new DateOnly(2026, 6, 18), new DateOnly(2026, 9, 10)]));
}
