using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Portal.Archive;
using ProgressTracker.Web.Features.Timeline;
using ProgressTracker.Web.Features.Visits;
using ProgressTracker.Web.Infrastructure.Storage;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Portal;

/// <summary>What the files in and of an archive are called: date, weeks and view, nothing identifying.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class ArchiveNamingTests
{
    private static VisitDto Visit(string date, VisitKind kind) =>
        new(Guid.NewGuid(), Guid.NewGuid(), DateOnly.Parse(date), kind, null,
            kind == VisitKind.Treatment ? new TreatmentDto("PLLA", "L1", 8, [], 1) : null);

    private static readonly TreatmentCourse Treated = new([
        Visit("2026-02-26", VisitKind.Baseline), Visit("2026-03-12", VisitKind.Treatment), Visit("2026-09-10", VisitKind.FollowUp),
    ]);

    [Theory]
    [InlineData("2026-03-12", "week-00")]
    [InlineData("2026-03-18", "week-00")]
    [InlineData("2026-04-09", "week-04")]
    [InlineData("2026-09-10", "week-26")]
    [InlineData("2026-03-09", "1-week-before")]
    [InlineData("2026-02-26", "2-weeks-before")]
    public void Weeks_count_from_the_first_session(string date, string expected) =>
        Assert.Equal(expected, ArchiveNames.Weeks(Treated, DateOnly.Parse(date)));

    [Fact]
    public void Photo_names_read_date_weeks_and_view_and_number_repeats()
    {
        var date = new DateOnly(2026, 4, 9);
        Assert.Equal("photos/2026-04-09_week-04_left-oblique.jpg", ArchiveNames.Photo(date, "week-04", PhotoView.LeftOblique));
        Assert.Equal("photos/2026-04-09_week-04_front-2.jpg", ArchiveNames.Photo(date, "week-04", PhotoView.Front, 2));
    }

    [Fact]
    public void The_download_is_named_by_its_day_only() =>
        Assert.Equal("my-progress-photos-2026-12-06.zip",
            ArchiveNames.Download(new DateTimeOffset(2026, 12, 6, 23, 59, 0, TimeSpan.Zero)));

    [Fact]
    public void Archive_keys_live_under_their_own_prefix_and_parse_back()
    {
        var (patient, archive) = (Guid.NewGuid(), Guid.NewGuid());
        var key = BlobKeys.Archive(patient, archive);
        Assert.StartsWith("archives/", key);
        Assert.True(BlobKeys.IsWellFormed(key));
        Assert.Equal((patient, archive), BlobKeys.ParseArchive(key));
        Assert.Null(BlobKeys.Parse(key)); // never mistaken for a photo's blob
        Assert.Null(BlobKeys.ParseArchive(BlobKeys.Export(patient, archive, "jpg")));
    }
}
