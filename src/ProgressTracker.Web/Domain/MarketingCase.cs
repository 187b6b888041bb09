namespace ProgressTracker.Web.Domain;

/// <summary>Where a case stands (API.md spellings, kebab-case). Withdrawn is final: a consent behind it ended.</summary>
public enum CaseStatus { Rendering, AwaitingPatient, Ready, Withdrawn, Failed }

/// <summary>How a case is cropped: to the hip region found on the silhouette (default), not at all, or a chosen box.</summary>
public enum CaseCropKind { Hip, None, Box }

/// <summary>One stroke of the blur brush, in the after photo's display pixels.</summary>
public sealed record BlurSpot(double X, double Y, double Radius);

/// <summary>
/// A before/after picture of one view of one patient, made by marketing from photos an active consent covers. The
/// request (photos, crop, blur, caption, watermark) is edited only through <see cref="Edit"/>, which starts a new
/// revision: the picture is rendered again and any approval of the old picture no longer counts, because the
/// patient's approval is bound to the exact rendering's SHA-256.
/// </summary>
public sealed class MarketingCase : PatientRecord, ISweptWork
{
    /// <summary>The visible provenance code drawn on every copy, such as "C-7K3QX2"; unique.</summary>
    public required string Code { get; init; }
    public Guid BeforePhotoId { get; init; }
    public Guid AfterPhotoId { get; init; }
    public PhotoView View { get; init; }

    public CaseCropKind CropKind { get; private set; }
    /// <summary>The chosen box for <see cref="CaseCropKind.Box"/>, in the after photo's display pixels.</summary>
    public int? CropX { get; private set; }
    public int? CropY { get; private set; }
    public int? CropWidth { get; private set; }
    public int? CropHeight { get; private set; }
    public List<BlurSpot> Blur { get; private set; } = [];
    public string Caption { get; private set; } = "";
    public string? Watermark { get; private set; }

    /// <summary>The consents that allowed this case when it was last rendered; any one ending withdraws it.</summary>
    public List<Guid> ConsentIds { get; private set; } = [];
    /// <summary>A consent behind the case asked that each picture be shown to the patient before publication.</summary>
    public bool NeedsPatientApproval { get; private set; }

    public CaseStatus Status { get; private set; } = CaseStatus.Rendering;
    /// <summary>1 for the first request; each edit adds one, and the rendering's blob key carries it.</summary>
    public int Revision { get; private set; } = 1;
    public string? ImageKey { get; private set; }
    /// <summary>Lower-case hex SHA-256 of the rendered JPEG.</summary>
    public string? ImageSha256 { get; private set; }
    public int? ImageWidth { get; private set; }
    public int? ImageHeight { get; private set; }
    public string? FailureReason { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }

    /// <summary>The SHA-256 of the rendering the patient approved; counts only while it equals <see cref="ImageSha256"/>.</summary>
    public string? ApprovedSha256 { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public DateTimeOffset? DeclinedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }
    /// <summary>Why, worded for marketing and the patient ("consent withdrawn by the patient", "consent expired").</summary>
    public string? WithdrawnReason { get; private set; }

    public Guid? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool IsApprovedByPatient => ApprovedSha256 is not null && ApprovedSha256 == ImageSha256;
    /// <summary>May go into a published gallery: rendered, not withdrawn, and approved by the patient when asked.</summary>
    public bool IsPublishable => Status == CaseStatus.Ready;
    public bool IsWithdrawn => Status == CaseStatus.Withdrawn;

    public void SetRequest(CaseCropKind crop, (int X, int Y, int Width, int Height)? box, IReadOnlyList<BlurSpot> blur,
        string caption, string? watermark)
    {
        CropKind = crop;
        (CropX, CropY, CropWidth, CropHeight) = box is { } b ? (b.X, b.Y, b.Width, b.Height) : ((int?)null, (int?)null, (int?)null, (int?)null);
        Blur = blur.ToList();
        Caption = caption;
        Watermark = watermark;
    }

    /// <summary>A changed request: a new revision to render, and any approval of the old picture is void.</summary>
    public void Edit(CaseCropKind crop, (int X, int Y, int Width, int Height)? box, IReadOnlyList<BlurSpot> blur,
        string caption, string? watermark, DateTimeOffset now)
    {
        if (IsWithdrawn) throw new InvalidOperationException("A withdrawn case cannot be edited.");
        SetRequest(crop, box, blur, caption, watermark);
        Revision++;
        Status = CaseStatus.Rendering;
        ImageKey = null;
        ImageSha256 = null;
        ApprovedSha256 = null;
        ApprovedAt = null;
        DeclinedAt = null;
        FailureReason = null;
        Attempts = 0;
        StatusChangedAt = now;
    }

    public void MarkQueued(DateTimeOffset now) => StatusChangedAt = now;

    public void MarkRendering(DateTimeOffset now)
    {
        Attempts++;
        StatusChangedAt = now;
    }

    public void MarkRendered(string key, string sha256, int width, int height, IReadOnlyList<Guid> consentIds,
        bool needsPatientApproval, DateTimeOffset now)
    {
        if (IsWithdrawn) return;
        ImageKey = key;
        ImageSha256 = sha256;
        ImageWidth = width;
        ImageHeight = height;
        ConsentIds = consentIds.ToList();
        NeedsPatientApproval = needsPatientApproval;
        FailureReason = null;
        Status = needsPatientApproval && !IsApprovedByPatient ? CaseStatus.AwaitingPatient : CaseStatus.Ready;
        StatusChangedAt = now;
    }

    public void MarkFailed(string reason, DateTimeOffset now)
    {
        if (IsWithdrawn) return;
        Status = CaseStatus.Failed;
        FailureReason = reason;
        StatusChangedAt = now;
    }

    /// <summary>The patient approves the picture they were shown, named by its hash; a stale hash is refused.</summary>
    public bool Approve(string sha256, DateTimeOffset now)
    {
        if (Status != CaseStatus.AwaitingPatient || ImageSha256 is null
            || !string.Equals(sha256, ImageSha256, StringComparison.OrdinalIgnoreCase)) return false;
        ApprovedSha256 = ImageSha256;
        ApprovedAt = now;
        DeclinedAt = null;
        Status = CaseStatus.Ready;
        StatusChangedAt = now;
        return true;
    }

    /// <summary>The patient says no to this picture: it stays unpublishable until edited and approved.</summary>
    public bool Decline(DateTimeOffset now)
    {
        if (Status != CaseStatus.AwaitingPatient) return false;
        DeclinedAt = now;
        StatusChangedAt = now;
        return true;
    }

    /// <summary>A consent behind it ended: the case can never be used again. Withdrawing twice keeps the first.</summary>
    public bool Withdraw(string reason, DateTimeOffset now)
    {
        if (IsWithdrawn) return false;
        Status = CaseStatus.Withdrawn;
        WithdrawnAt = now;
        WithdrawnReason = reason;
        StatusChangedAt = now;
        return true;
    }
}
