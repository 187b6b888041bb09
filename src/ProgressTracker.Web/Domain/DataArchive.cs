namespace ProgressTracker.Web.Domain;

/// <summary>Building state of a patient's data archive; the row is the source of truth, not the job queue.</summary>
public enum DataArchiveStatus { Pending, Running, Ready, Failed }

/// <summary>
/// "Download my data": a zip of the patient's own photos (display size, de-identified file names) and a JSON of
/// their visits, built in the background (right of access and portability). The file is kept until
/// <see cref="ExpiresAt"/>, then removed by the sweep; the request row stays as the record that it was made.
/// </summary>
public sealed class DataArchive : PatientRecord, ISweptWork
{
    /// <summary>The account that asked for it (the patient, or staff on the patient's behalf).</summary>
    public Guid? RequestedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The download's name, such as "my-progress-photos-2026-12-06.zip": no name, no record number.</summary>
    public required string FileName { get; init; }

    public DataArchiveStatus Status { get; private set; } = DataArchiveStatus.Pending;
    /// <summary>0–100 while building; 100 once Ready.</summary>
    public int Progress { get; private set; }
    public string? FailureReason { get; private set; }
    public string? ResultKey { get; private set; }
    public int Attempts { get; private set; }
    /// <summary>How many photos went in; known once Ready.</summary>
    public int PhotoCount { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    /// <summary>When the file stops being offered and is deleted.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }

    public bool IsFinished => Status is DataArchiveStatus.Ready or DataArchiveStatus.Failed;

    public void MarkQueued(DateTimeOffset now) => StatusChangedAt = now;

    public void MarkRunning(DateTimeOffset now)
    {
        Status = DataArchiveStatus.Running;
        Attempts++;
        Progress = 0;
        StatusChangedAt = now;
    }

    public void ReportProgress(int percent) => Progress = Math.Clamp(percent, 0, 99);

    public void MarkReady(string resultKey, int photoCount, DateTimeOffset now, TimeSpan keptFor)
    {
        Status = DataArchiveStatus.Ready;
        Progress = 100;
        FailureReason = null;
        ResultKey = resultKey;
        PhotoCount = photoCount;
        CompletedAt = now;
        ExpiresAt = now + keptFor;
        StatusChangedAt = now;
    }

    public void MarkFailed(string reason, DateTimeOffset now)
    {
        Status = DataArchiveStatus.Failed;
        FailureReason = reason;
        CompletedAt = now;
        StatusChangedAt = now;
    }

    /// <summary>The file was removed after expiry; the row stays.</summary>
    public void MarkFileRemoved() => ResultKey = null;
}
