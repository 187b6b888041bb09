namespace ProgressTracker.Web.Domain;

/// <summary>How a copy of a case's picture left the app.</summary>
public enum CaseCopyKind { Download, Publication }

/// <summary>
/// A copy of a case's picture that left the app: a download by marketing, or a publication in a public gallery.
/// When the case is withdrawn each copy becomes a takedown on the checklist (open until marketing marks it
/// removed), so the clinic can prove what it did about every copy.
/// </summary>
public sealed class CaseCopy : PatientRecord
{
    public Guid CaseId { get; init; }
    public CaseCopyKind Kind { get; init; }
    /// <summary>What left and where, worded for the checklist ("Downloaded case picture C-7K3QX2 (jpeg)").</summary>
    public required string What { get; init; }
    public DateTimeOffset At { get; init; }
    public Guid? By { get; init; }
    /// <summary>The account's e-mail when the copy was made, kept so the checklist reads the same later.</summary>
    public string? ByName { get; init; }
    public Guid? GalleryItemId { get; init; }

    /// <summary>Set when the case was withdrawn: the copy must now be taken down.</summary>
    public DateTimeOffset? TakedownRequestedAt { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }
    public Guid? RemovedBy { get; private set; }
    public string? RemovedNote { get; private set; }

    public bool IsTakedown => TakedownRequestedAt is not null;
    public bool IsOpen => IsTakedown && RemovedAt is null;

    public void RequestTakedown(DateTimeOffset now) => TakedownRequestedAt ??= now;

    /// <summary>A publication the app took down itself (the gallery item left the page): listed, and already done.</summary>
    public void RemovedByTheApp(DateTimeOffset now)
    {
        RequestTakedown(now);
        MarkRemoved(null, "Removed from the public page by the app; its image address answers 410 Gone.", now);
    }

    public void MarkRemoved(Guid? by, string? note, DateTimeOffset now)
    {
        if (RemovedAt is not null) return;
        RemovedAt = now;
        RemovedBy = by;
        RemovedNote = note;
    }
}
