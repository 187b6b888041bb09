namespace ProgressTracker.Web.Domain;

/// <summary>
/// One uploaded photo. The original blob is immutable; derivatives are rebuilt from it whenever the derivative spec
/// version changes. State changes go through the methods below so timestamps and attempts stay consistent.
/// </summary>
public sealed class Photo : PatientRecord, ISweptWork
{
    public Guid VisitId { get; init; }
    public PhotoView View { get; set; }

    public PhotoStatus Status { get; private set; } = PhotoStatus.Pending;
    /// <summary>Why processing failed, worded for a clinician.</summary>
    public string? FailureReason { get; private set; }
    public int ProcessingAttempts { get; private set; }
    int ISweptWork.Attempts => ProcessingAttempts;

    /// <summary>"sha256:…" of the original bytes.</summary>
    public required string ContentHash { get; init; }
    public required string OriginalKey { get; init; }
    public required string OriginalFormat { get; init; }
    public long OriginalBytes { get; init; }
    public string? OriginalFileName { get; init; }

    /// <summary>Dimensions of the normalised (upright) master.</summary>
    public int? Width { get; private set; }
    public int? Height { get; private set; }
    public DateTimeOffset? CapturedAt { get; private set; }

    public string? MasterKey { get; private set; }
    public string? ThumbKey { get; private set; }
    public string? DisplayKey { get; private set; }
    public int? DerivativesVersion { get; private set; }

    public Guid? UploadedByUserId { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    /// <summary>When the status last changed or the photo was last queued; the sweep uses it to find stuck work.</summary>
    public DateTimeOffset StatusChangedAt { get; private set; }

    public PhotoAlignment Alignment { get; init; } = new();
    public PhotoMeasurement Measurement { get; init; } = new();

    public Visit? Visit { get; init; }

    public void MarkQueued(DateTimeOffset now) => StatusChangedAt = now;

    public void MarkProcessing(DateTimeOffset now)
    {
        Status = PhotoStatus.Processing;
        ProcessingAttempts++;
        StatusChangedAt = now;
    }

    public void MarkReady(DerivativeSet derivatives, DateTimeOffset now)
    {
        Status = PhotoStatus.Ready;
        FailureReason = null;
        Width = derivatives.Width;
        Height = derivatives.Height;
        CapturedAt = derivatives.CapturedAt;
        MasterKey = derivatives.MasterKey;
        ThumbKey = derivatives.ThumbKey;
        DisplayKey = derivatives.DisplayKey;
        DerivativesVersion = derivatives.SpecVersion;
        StatusChangedAt = now;
    }

    public void MarkFailed(string reason, DateTimeOffset now)
    {
        Status = PhotoStatus.Failed;
        FailureReason = reason;
        StatusChangedAt = now;
    }
}

public sealed record DerivativeSet(
    int Width, int Height, DateTimeOffset? CapturedAt,
    string MasterKey, string ThumbKey, string DisplayKey, int SpecVersion);
