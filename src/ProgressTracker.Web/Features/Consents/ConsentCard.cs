namespace ProgressTracker.Web.Features.Consents;

/// <summary>One consent as the portal and the staff screen list it: its state and facts in plain words.</summary>
public sealed record ConsentCard(Guid Id, ConsentStatus Status, string Headline, string Uses, string Coverage, string Identifiable,
    bool ReviewEachPicture, string Expiry, string Signed, string Method, string? WithdrawnOn, bool HasForm,
    ConsentMethod Kind)
{
    public static ConsentCard From(Consent c, DateOnly today) => new(c.Id, c.StatusOn(today), ConsentWords.Headline(c.Uses), ConsentWords.Uses(c.Uses),
        ConsentWords.Coverage(c), ConsentWords.Identifiable(c.Identifiable), c.ReviewEachPicture,
        ConsentWords.Expiry(c.ExpiresOn), ConsentWords.Day(c.GrantedAt ?? c.CreatedAt), ConsentWords.Method(c.Method),
        c.RevokedAt is { } r ? ConsentWords.Day(r) : null, c.FormKey is not null, c.Method);

    public string StatusText => ConsentWords.Status(Status);

    /// <summary>A paper consent is only signed (in force) once its scan is attached; until then it is recorded.</summary>
    public string SignedLabel => Status == ConsentStatus.Pending ? "Recorded" : "Signed";

    /// <summary>CSS modifier of the status badge.</summary>
    public string StatusClass => EnumNames.ToKebab(Status);

    /// <summary>Still to be withdrawn: active, or a paper consent waiting for its scan.</summary>
    public bool CanWithdraw => Status is ConsentStatus.Active or ConsentStatus.Pending;

    public string DocumentUrl => $"/api/v1/consents/{Id}/document";
    public string FhirUrl => $"/api/v1/consents/{Id}/fhir";
    public string FormUrl => $"/api/v1/consents/{Id}/form";
    public string Anchor => $"consent-{Id}";
}
