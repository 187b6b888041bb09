namespace ProgressTracker.Web.Domain;

/// <summary>Processing state of a photo; the database row is the source of truth, not the job queue.</summary>
public enum PhotoStatus
{
    Pending,
    Processing,
    Ready,
    Failed,
}
