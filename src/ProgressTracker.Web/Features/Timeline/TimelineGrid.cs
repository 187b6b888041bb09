namespace ProgressTracker.Web.Features.Timeline;

/// <summary>
/// What the timeline grid partial needs. ForStaff adds the clinician's shortcuts (upload into an empty cell);
/// HasUnfinishedPhotos makes the page watch for processing and alignment to settle.
/// </summary>
public sealed record TimelineGrid(TimelineDto Timeline, TreatmentCourse Course, bool ForStaff)
{
    /// <summary>"S2 · PLLA 8 ml": what was injected at a treatment visit, as far as it was recorded.</summary>
    public string SessionLabel(Visits.VisitDto visit)
    {
        var t = visit.Treatment;
        var session = t?.SessionNumber is { } n ? $"S{n}" : "Session";
        var dose = string.Join(" ", new[] { t?.Product, t?.VolumeMl is { } ml ? $"{ml:0.#} ml" : null }.Where(s => !string.IsNullOrEmpty(s)));
        return dose.Length > 0 ? $"{session} · {dose}" : session;
    }

    public bool HasUnfinishedPhotos => Timeline.Views.SelectMany(v => v.Visits).SelectMany(v => v.Photos)
        .Any(p => p.Status is Domain.PhotoStatus.Pending or Domain.PhotoStatus.Processing
                  || (p.Status == Domain.PhotoStatus.Ready && p.Alignment.Status == Domain.AlignmentStatus.Pending));
}
