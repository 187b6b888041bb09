namespace ProgressTracker.Web.Domain;

public enum VisitKind
{
    Baseline,
    Treatment,
    FollowUp,
    Other,
}
