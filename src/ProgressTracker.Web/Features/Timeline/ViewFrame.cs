using ProgressTracker.Web.Features.Photos;
using ProgressTracker.Web.Features.Visits;

namespace ProgressTracker.Web.Features.Timeline;

/// <summary>
/// One processed photo of a view, in visit order, with what a viewer needs to judge it: its date, the weeks since
/// the first session, and both renderings (as taken, and warped onto the baseline's canvas).
/// </summary>
public sealed record ViewFrame(PhotoDto Photo, VisitDto Visit, string WeekPhrase, bool IsBaseline, int PhotoOfVisit)
{
    public Guid Id => Photo.Id;
    public string Date => Visit.Date.ToString("d MMM yyyy");

    /// <summary>"12 Mar 2026 · baseline"; a second photo of the same visit and view says so.</summary>
    public string Label => string.Join(" · ", new[] { Date, WeekPhrase, PhotoOfVisit > 1 ? $"photo {PhotoOfVisit}" : "" }
        .Where(s => s.Length > 0));

    /// <summary>The baseline is its own canvas; other photos use their aligned image once one exists.</summary>
    public bool HasAligned => IsBaseline || Photo.Media.Aligned is not null;
    public string AlignedSrc => IsBaseline ? Photo.Media.Display! : Photo.Media.Aligned ?? Photo.Media.Display!;
    public string AlignedThumbSrc => IsBaseline ? Photo.Media.Thumb! : Photo.Media.AlignedThumb ?? Photo.Media.Thumb!;
    public string UnalignedSrc => Photo.Media.Display!;
    /// <summary>
    /// A patient is not shown an alignment staff have not confirmed: their view of such a photo is as taken.
    /// </summary>
    public bool ShownAsTakenFor(bool patient) => !HasAligned || (patient && NeedsReview);
    public string AlignedSrcFor(bool patient) => patient && NeedsReview ? UnalignedSrc : AlignedSrc;
    public string AlignedThumbSrcFor(bool patient) => patient && NeedsReview ? Photo.Media.Thumb! : AlignedThumbSrc;

    public bool NeedsReview => !IsBaseline && Photo.Alignment.Status is AlignmentStatus.NeedsReview or AlignmentStatus.Failed;

    /// <summary>Every Ready photo of the view, in visit order (then upload order within a visit).</summary>
    public static IReadOnlyList<ViewFrame> Of(TimelineViewDto row, TreatmentCourse course) =>
        row.Visits.SelectMany(cell => cell.Photos.Where(p => p.Status == PhotoStatus.Ready)
                .Select((photo, i) => new ViewFrame(photo, cell.Visit, course.WeekPhrase(cell.Visit.Date),
                    photo.Id == row.BaselinePhotoId, i + 1)))
            .ToList();
}
