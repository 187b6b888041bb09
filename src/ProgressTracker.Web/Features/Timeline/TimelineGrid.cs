namespace ProgressTracker.Web.Features.Timeline;

/// <summary>
/// What the timeline grid partial needs. ForStaff adds the clinician's shortcuts (upload into an empty cell);
/// HasUnfinishedPhotos makes the page watch for processing and alignment to settle.
/// </summary>
public sealed record TimelineGrid(TimelineDto Timeline, TreatmentCourse Course, bool ForStaff)
{
    public bool HasUnfinishedPhotos => Timeline.Views.SelectMany(v => v.Visits).SelectMany(v => v.Photos)
        .Any(p => p.Status is Domain.PhotoStatus.Pending or Domain.PhotoStatus.Processing
                  || (p.Status == Domain.PhotoStatus.Ready && p.Alignment.Status == Domain.AlignmentStatus.Pending));
}
