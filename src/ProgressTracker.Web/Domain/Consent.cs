namespace ProgressTracker.Web.Domain;

/// <summary>What a consent allows the clinic to do with the photos it covers (API.md spellings, kebab-case).</summary>
public enum ConsentUse { Clinical, Portal, Education, Website, SocialMedia, Publication }

/// <summary>Which photos a consent covers: all of the patient's, those of chosen views, or chosen photos.</summary>
public enum ConsentCoverageKind { All, Views, Photos }

/// <summary>How it was given: signed by the patient on screen, or a signed paper form recorded by staff.</summary>
public enum ConsentMethod { OnScreen, PaperForm }

/// <summary>
/// Where a consent stands on a given day. Pending: a paper form is recorded but its scan not yet attached. Expired
/// needs no event: it follows from the date, so a sweep (not a request) takes published pictures down.
/// </summary>
public enum ConsentStatus { Pending, Active, Expired, Revoked }

/// <summary>
/// One grant of consent by one patient: the uses, the photos covered, for how long, and the exact text signed (kept
/// as signed, with its hash, whatever the clinic's current text says later). A consent is never edited: a change
/// is a new consent, and a withdrawal is a revocation of this one that takes effect at once.
/// </summary>
public sealed class Consent : PatientRecord
{
    public static readonly IReadOnlyList<ConsentUse> MarketingUses =
        [ConsentUse.Website, ConsentUse.SocialMedia, ConsentUse.Publication];

    /// <summary>Marketing uses last two years unless the patient chose otherwise.</summary>
    public static readonly int DefaultMarketingYears = 2;

    public List<ConsentUse> Uses { get; init; } = [];
    public ConsentCoverageKind CoverageKind { get; init; }
    public List<PhotoView> Views { get; init; } = [];
    public List<Guid> PhotoIds { get; init; } = [];
    /// <summary>Identifiable features (face, tattoos, birthmarks) may be shown. Default no.</summary>
    public bool Identifiable { get; init; }
    /// <summary>Each rendered picture goes to the patient for approval before it can be published.</summary>
    public bool ReviewEachPicture { get; init; }
    /// <summary>Last day the consent holds; required for marketing uses.</summary>
    public DateOnly? ExpiresOn { get; init; }

    public required string TextVersion { get; init; }
    /// <summary>The exact Markdown the patient signed.</summary>
    public required string TextMarkdown { get; init; }
    /// <summary>Lower-case hex SHA-256 of <see cref="TextMarkdown"/> (UTF-8): the signed text can be proved unchanged.</summary>
    public required string TextSha256 { get; init; }

    public ConsentMethod Method { get; init; }
    public required string SignedName { get; init; }
    /// <summary>Blob of the drawn signature (PNG) for an on-screen consent.</summary>
    public string? SignatureKey { get; init; }
    /// <summary>Blob of the scanned paper form for a paper consent; attaching it makes the consent active.</summary>
    public string? FormKey { get; private set; }

    public Guid? RecordedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? GrantedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? RevokedBy { get; private set; }
    /// <summary>"portal" when the patient withdrew it there; "paper" when staff recorded a written withdrawal.</summary>
    public string? RevokedVia { get; private set; }

    public bool HasMarketingUse => Uses.Any(MarketingUses.Contains);

    public ConsentStatus StatusOn(DateOnly today) =>
        RevokedAt is not null ? ConsentStatus.Revoked
        : GrantedAt is null ? ConsentStatus.Pending
        : ExpiresOn is { } last && today > last ? ConsentStatus.Expired
        : ConsentStatus.Active;

    /// <summary>Whether this consent covers one photo, whatever its state.</summary>
    public bool Covers(Guid photoId, PhotoView view) => CoverageKind switch
    {
        ConsentCoverageKind.All => true,
        ConsentCoverageKind.Views => Views.Contains(view),
        ConsentCoverageKind.Photos => PhotoIds.Contains(photoId),
        _ => false,
    };

    /// <summary>The one question the marketing side asks: may this photo be used this way today?</summary>
    public bool Allows(ConsentUse use, Guid photoId, PhotoView view, DateOnly today) =>
        StatusOn(today) == ConsentStatus.Active && Uses.Contains(use) && Covers(photoId, view);

    /// <summary>A signed paper form's scan is attached: the consent holds from now.</summary>
    public void AttachForm(string formKey, DateTimeOffset now)
    {
        if (RevokedAt is not null) throw new InvalidOperationException("A revoked consent cannot be activated.");
        FormKey = formKey;
        GrantedAt ??= now;
    }

    /// <summary>Signed on screen by the patient: active at once.</summary>
    public void Grant(DateTimeOffset now) => GrantedAt ??= now;

    /// <summary>Withdrawn: takes effect at once; revoking twice keeps the first revocation.</summary>
    public void Revoke(DateTimeOffset now, Guid? by, string via)
    {
        if (RevokedAt is not null) return;
        RevokedAt = now;
        RevokedBy = by;
        RevokedVia = via;
    }
}
