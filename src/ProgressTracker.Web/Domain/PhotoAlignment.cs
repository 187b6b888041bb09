namespace ProgressTracker.Web.Domain;

public enum AlignmentStatus { Pending, Aligned, NeedsReview, Failed }

public enum AlignmentMethod { Auto, Manual }

/// <summary>
/// How a photo maps onto the baseline photo of its view: a 2×3 affine [a, b, tx, c, d, ty] from this photo's master
/// pixels to the baseline master's pixels. Every change bumps <see cref="Revision"/>, which names the aligned
/// derivatives, so a stale aligned image is never served or cached under a new alignment.
/// </summary>
public sealed class PhotoAlignment
{
    public AlignmentStatus Status { get; private set; } = AlignmentStatus.Pending;
    public AlignmentMethod Method { get; private set; } = AlignmentMethod.Auto;
    public Guid? BaselinePhotoId { get; private set; }
    public double[]? Matrix { get; private set; }
    /// <summary>0–1 agreement of the registered photo with the baseline; null for manual alignments.</summary>
    public double? Score { get; private set; }
    /// <summary>Why an alignment needs review or failed, worded for a clinician.</summary>
    public string? Reason { get; private set; }
    public int Revision { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>Aligned images exist for the current revision (also when awaiting review, for inspection).</summary>
    public bool HasAlignedImage => HasImage(Matrix, Status);

    /// <summary>May be presented as aligned (exports, pickers): aligned, not merely awaiting review.</summary>
    public bool IsConfirmed => IsConfirmedAlignment(Matrix, Status);

    public bool IsCurrentFor(Guid baselineId) => BaselinePhotoId == baselineId && HasAlignedImage;

    /// <summary>The one rule for "has an aligned image", for the entity and for read models that carry its columns.</summary>
    public static bool HasImage(double[]? matrix, AlignmentStatus status) =>
        matrix is not null && status is AlignmentStatus.Aligned or AlignmentStatus.NeedsReview;

    public static bool IsConfirmedAlignment(double[]? matrix, AlignmentStatus status) =>
        status == AlignmentStatus.Aligned && HasImage(matrix, status);

    public void Record(Guid baselineId, double[] matrix, double? score, AlignmentMethod method,
        AlignmentStatus status, string? reason, DateTimeOffset now)
    {
        if (matrix.Length != 6) throw new ArgumentException("An alignment matrix has six elements.", nameof(matrix));
        BaselinePhotoId = baselineId;
        Matrix = matrix;
        Score = score;
        Method = method;
        Status = status;
        Reason = reason;
        Revision++;
        UpdatedAt = now;
    }

    public void Fail(Guid? baselineId, string reason, DateTimeOffset now)
    {
        BaselinePhotoId = baselineId;
        Matrix = null;
        Score = null;
        Method = AlignmentMethod.Auto;
        Status = AlignmentStatus.Failed;
        Reason = reason;
        Revision++;
        UpdatedAt = now;
    }

    /// <summary>Back to Pending (auto) so the next alignment job recomputes it.</summary>
    public void Invalidate(DateTimeOffset now)
    {
        Status = AlignmentStatus.Pending;
        Method = AlignmentMethod.Auto;
        Reason = null;
        UpdatedAt = now;
    }
}
