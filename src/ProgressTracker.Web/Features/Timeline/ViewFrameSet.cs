namespace ProgressTracker.Web.Features.Timeline;

/// <summary>The processed photos of one view, in visit order.</summary>
public sealed record ViewFrames(PhotoView View, IReadOnlyList<ViewFrame> Frames);

/// <summary>
/// What a one-view screen (compare, progression — the clinic's and the patient's alike) shows: the treatment
/// course, the views that have processed photos, and the frames of the chosen view.
/// </summary>
public sealed record ViewFrameSet(TreatmentCourse Course, IReadOnlyList<PhotoView> Views, PhotoView? View,
    IReadOnlyList<ViewFrame> Frames)
{
    /// <summary>The asked-for view when it has photos, else the one <paramref name="fallback"/> picks.</summary>
    public static ViewFrameSet From(TimelineDto data, string? view, Func<IReadOnlyList<ViewFrames>, ViewFrames> fallback,
        bool patientWording = false)
    {
        var course = new TreatmentCourse(data.Visits) { PatientWording = patientWording };
        var rows = data.Views.Select(r => new ViewFrames(r.View, ViewFrame.Of(r, course))).Where(r => r.Frames.Count > 0)
            .ToList();
        if (rows.Count == 0) return new ViewFrameSet(course, [], null, []);
        var chosen = rows.FirstOrDefault(r => view is not null && EnumNames.ToKebab(r.View) == view) ?? fallback(rows);
        return new ViewFrameSet(course, rows.Select(r => r.View).ToList(), chosen.View, chosen.Frames);
    }

    /// <summary>Fallbacks: the first view with something to compare; the view with the most visits.</summary>
    public static ViewFrames FirstComparable(IReadOnlyList<ViewFrames> rows) =>
        rows.FirstOrDefault(r => r.Frames.Count >= 2) ?? rows[0];

    public static ViewFrames MostVisits(IReadOnlyList<ViewFrames> rows) => rows.MaxBy(r => r.Frames.Count)!;

    /// <summary>The asked-for pair when both belong to this view; otherwise the baseline against the latest.</summary>
    public (ViewFrame? Before, ViewFrame? After) Pair(Guid? before, Guid? after)
    {
        if (Frames.Count < 2) return (Frames.FirstOrDefault(), null);
        var b = Frames.FirstOrDefault(f => f.Id == before) ?? Frames.FirstOrDefault(f => f.IsBaseline) ?? Frames[0];
        var a = Frames.FirstOrDefault(f => f.Id == after && f.Id != b.Id) ?? Frames.LastOrDefault(f => f.Id != b.Id)!;
        return (b, a);
    }

    /// <summary>At most <paramref name="max"/> frames: an even spread that keeps the first and last.</summary>
    public IReadOnlyList<ViewFrame> Spread(int max) => Frames.Count <= max
        ? Frames
        : Enumerable.Range(0, max).Select(i => Frames[(int)Math.Round(i * (Frames.Count - 1) / (double)(max - 1))]).ToList();
}
