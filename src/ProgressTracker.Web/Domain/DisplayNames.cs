namespace ProgressTracker.Web.Domain;

/// <summary>Human labels for pages ("Left lateral", "Follow-up").</summary>
public static class DisplayNames
{
    public static string Of(PhotoView view) => view switch
    {
        PhotoView.Front => "Front",
        PhotoView.Back => "Back",
        PhotoView.LeftLateral => "Left lateral",
        PhotoView.RightLateral => "Right lateral",
        PhotoView.LeftOblique => "Left oblique",
        PhotoView.RightOblique => "Right oblique",
        _ => view.ToString(),
    };

    public static string Of(VisitKind kind) => kind switch
    {
        VisitKind.Baseline => "Baseline",
        VisitKind.Treatment => "Treatment",
        VisitKind.FollowUp => "Follow-up",
        _ => "Other",
    };

    public static string Of(PhotoStatus status) => status switch
    {
        PhotoStatus.Pending => "Waiting",
        PhotoStatus.Processing => "Processing",
        PhotoStatus.Ready => "Ready",
        _ => "Failed",
    };
}
