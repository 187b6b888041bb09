namespace ProgressTracker.Web.Domain;

public enum MeasurementState { Pending, Measured, NotMeasurable, Failed }

/// <summary>
/// The hip contour measured on a photo: the result as the API shows it and what was drawn (both JSON), which method
/// version made it and against which alignment revision, so a new method or a new alignment measures again.
/// </summary>
public sealed class PhotoMeasurement
{
    public MeasurementState Status { get; private set; } = MeasurementState.Pending;
    public int? MethodVersion { get; private set; }
    /// <summary>The photo's alignment revision the measurement was made with (the pose check depends on it).</summary>
    public int? AlignmentRevision { get; private set; }
    /// <summary>The measurement as JSON (status, reason, confidence, breadths, sides).</summary>
    public string? Result { get; private set; }
    /// <summary>The contour, bridging lines and depths in the master's pixels as JSON, to draw over the photo.</summary>
    public string? Overlay { get; private set; }
    public DateTimeOffset? MeasuredAt { get; private set; }

    public bool IsCurrent(int methodVersion, int alignmentRevision) =>
        Status != MeasurementState.Pending && MethodVersion == methodVersion && AlignmentRevision == alignmentRevision;

    public void Record(bool measured, int methodVersion, int alignmentRevision, string result, string? overlay, DateTimeOffset now)
    {
        Status = measured ? MeasurementState.Measured : MeasurementState.NotMeasurable;
        MethodVersion = methodVersion;
        AlignmentRevision = alignmentRevision;
        Result = result;
        Overlay = overlay;
        MeasuredAt = now;
    }

    /// <summary>The master could not be read: recorded so the sweep does not retry forever.</summary>
    public void Fail(int methodVersion, int alignmentRevision, string result, DateTimeOffset now)
    {
        Status = MeasurementState.Failed;
        MethodVersion = methodVersion;
        AlignmentRevision = alignmentRevision;
        Result = result;
        Overlay = null;
        MeasuredAt = now;
    }
}
