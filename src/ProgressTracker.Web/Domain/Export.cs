namespace ProgressTracker.Web.Domain;

/// <summary>What an export is made into; see <c>ProgressTracker.Imaging.Composition.CompositionKind</c>.</summary>
public enum ExportKind { SideBySide, Sequence, Animation }

/// <summary>Rendering state of an export; the row is the source of truth, not the job queue.</summary>
public enum ExportStatus { Pending, Running, Ready, Failed }

/// <summary>
/// A picture of one view across visits, made to be shared outside the app: a disclosure, so who asked for it and
/// when is kept with it. The request (photos in order, options) never changes; rendering moves the status from
/// Pending through Running to Ready (with the stored file) or Failed (with a reason a clinician can act on).
/// </summary>
public sealed class Export : PatientRecord, ISweptWork
{
    public ExportKind Kind { get; init; }
    public PhotoView View { get; init; }
    /// <summary>The photos in the order they appear (left to right, or frame by frame).</summary>
    public List<Guid> PhotoIds { get; init; } = [];
    /// <summary>Use each photo's image aligned to the baseline where one exists.</summary>
    public bool Aligned { get; init; }
    public string? Watermark { get; init; }
    public bool CropToHip { get; init; }
    /// <summary>The download's de-identified name, such as "left-lateral-2026-03-12-vs-2026-09-10.jpg".</summary>
    public required string FileName { get; init; }

    public ExportStatus Status { get; private set; } = ExportStatus.Pending;
    /// <summary>0–100 while rendering; 100 once Ready.</summary>
    public int Progress { get; private set; }
    public string? FailureReason { get; private set; }
    public string? ResultKey { get; private set; }
    public int Attempts { get; private set; }

    public Guid? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; private set; }
    /// <summary>When the status last changed or the export was last queued; the sweep uses it to find lost work.</summary>
    public DateTimeOffset StatusChangedAt { get; private set; }

    public bool IsFinished => Status is ExportStatus.Ready or ExportStatus.Failed;

    public void MarkQueued(DateTimeOffset now) => StatusChangedAt = now;

    public void MarkRunning(DateTimeOffset now)
    {
        Status = ExportStatus.Running;
        Attempts++;
        Progress = 0;
        StatusChangedAt = now;
    }

    public void ReportProgress(int percent) => Progress = Math.Clamp(percent, 0, 99);

    public void MarkReady(string resultKey, DateTimeOffset now)
    {
        Status = ExportStatus.Ready;
        Progress = 100;
        FailureReason = null;
        ResultKey = resultKey;
        CompletedAt = now;
        StatusChangedAt = now;
    }

    public void MarkFailed(string reason, DateTimeOffset now)
    {
        Status = ExportStatus.Failed;
        FailureReason = reason;
        CompletedAt = now;
        StatusChangedAt = now;
    }
}
