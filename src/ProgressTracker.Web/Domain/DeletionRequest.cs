namespace ProgressTracker.Web.Domain;

/// <summary>Where a patient's request to delete their account stands.</summary>
public enum DeletionRequestStatus { Open, AccountClosed, Declined }

/// <summary>
/// A patient's request to delete their account. Medical records are not deleted on request: the clinic decides
/// under its retention rules, and the decision and its reason are kept here and in the audit trail.
/// "Account closed" ends portal access and keeps the records; "declined" keeps both.
/// </summary>
public sealed class DeletionRequest : PatientRecord
{
    public Guid RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    /// <summary>What the patient wrote, if anything.</summary>
    public string? Message { get; init; }

    public DeletionRequestStatus Status { get; private set; } = DeletionRequestStatus.Open;
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }

    public bool IsOpen => Status == DeletionRequestStatus.Open;

    public void Decide(DeletionRequestStatus outcome, string reason, Guid? decidedBy, DateTimeOffset now)
    {
        if (outcome == DeletionRequestStatus.Open) throw new ArgumentException("A decision closes the request.", nameof(outcome));
        Status = outcome;
        DecisionReason = reason;
        DecidedBy = decidedBy;
        DecidedAt = now;
    }
}
