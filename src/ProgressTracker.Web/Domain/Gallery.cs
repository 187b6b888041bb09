namespace ProgressTracker.Web.Domain;

/// <summary>API.md spellings: draft → awaiting-approval → published.</summary>
public enum GalleryStatus { Draft, AwaitingApproval, Published }

/// <summary>
/// A named collection of cases for the clinic's website. Publishing takes two people: one submits, and an admin or
/// clinician other than the submitter approves. Once published it has a public address with an unguessable token;
/// items leave it on their own when a consent behind them ends.
/// </summary>
public sealed class Gallery
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public GalleryStatus Status { get; private set; } = GalleryStatus.Draft;
    /// <summary>The public page's token (256 bits, base64url); set when first published, never reused.</summary>
    public string? PublicToken { get; private set; }

    public Guid? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>Who approved the latest publication, and when: items added since wait for the next approval.</summary>
    public Guid? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>Has a public page: approved at least once. What it shows is the live items approved so far.</summary>
    public bool HasPublicPage => PublicToken is not null && ApprovedAt is not null;

    public List<GalleryItem> Items { get; init; } = [];

    public void Submit(Guid by, DateTimeOffset now)
    {
        Status = GalleryStatus.AwaitingApproval;
        SubmittedBy = by;
        SubmittedAt = now;
    }

    public void Publish(Guid by, string token, DateTimeOffset now)
    {
        Status = GalleryStatus.Published;
        ApprovedBy = by;
        ApprovedAt = now;
        PublicToken ??= token;
    }

    /// <summary>
    /// New items wait for an approval of their own; the items already approved stay on the public page meanwhile.
    /// </summary>
    public void BackToDraft()
    {
        if (Status != GalleryStatus.Draft) Status = GalleryStatus.Draft;
    }

    /// <summary>On the public page: live, and added before the latest approval.</summary>
    public IEnumerable<GalleryItem> PublicItems =>
        ApprovedAt is { } approved ? Items.Where(i => i.IsLive && i.AddedAt <= approved).OrderBy(i => i.Position) : [];
}

/// <summary>
/// One case in a gallery, with its own unguessable image token. An item that leaves (a consent ended, or marketing
/// removed it) keeps its row so its image address answers 410 Gone rather than 404.
/// </summary>
public sealed class GalleryItem
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid GalleryId { get; init; }
    public Guid CaseId { get; init; }
    public int Position { get; init; }
    /// <summary>The image's public token (256 bits, base64url).</summary>
    public required string ImageToken { get; init; }
    public Guid? AddedBy { get; init; }
    public DateTimeOffset AddedAt { get; init; }
    public DateTimeOffset? RemovedAt { get; private set; }
    public string? RemovedReason { get; private set; }

    public MarketingCase? Case { get; init; }

    public bool IsLive => RemovedAt is null;

    public void Remove(string reason, DateTimeOffset now)
    {
        if (RemovedAt is not null) return;
        RemovedAt = now;
        RemovedReason = reason;
    }
}
