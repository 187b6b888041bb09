namespace ProgressTracker.Web.Features.Consents;

public sealed record ConsentCoverageDto(string Kind, IReadOnlyList<string> Views, IReadOnlyList<Guid> PhotoIds);

/// <summary>A consent as API.md spells it (uses, views and states in kebab-case).</summary>
public sealed record ConsentDto(Guid Id, Guid PatientId, IReadOnlyList<string> Uses, ConsentCoverageDto Coverage,
    bool Identifiable, bool ReviewEachPicture, string Status, DateTimeOffset? GrantedAt, DateOnly? ExpiresAt,
    DateTimeOffset? RevokedAt, string TextVersion, string Method, string SignedName)
{
    public static ConsentDto From(Consent c, DateOnly today) => new(c.Id, c.PatientId,
        c.Uses.Select(u => EnumNames.ToKebab(u)).ToList(),
        new ConsentCoverageDto(EnumNames.ToKebab(c.CoverageKind), c.Views.Select(v => EnumNames.ToKebab(v)).ToList(),
            c.PhotoIds),
        c.Identifiable, c.ReviewEachPicture, EnumNames.ToKebab(c.StatusOn(today)), c.GrantedAt, c.ExpiresOn, c.RevokedAt,
        c.TextVersion, EnumNames.ToKebab(c.Method), c.SignedName);
}

/// <summary>
/// What a consent is made from. Strings, so an unknown value gets a message naming what is accepted. Staff send
/// method <c>paper-form</c>; a patient signs <c>on-screen</c> with <see cref="Signature"/>, a PNG data URL.
/// </summary>
public sealed record CreateConsentRequest(IReadOnlyList<string>? Uses, CoverageRequest? Coverage, bool Identifiable,
    bool ReviewEachPicture, DateOnly? ExpiresAt, string? TextVersion, string? Method, string? SignedName,
    string? Signature);

public sealed record CoverageRequest(string? Kind, IReadOnlyList<string>? Views, IReadOnlyList<Guid>? PhotoIds);

/// <summary>The clinic's current consent text: <c>uses</c> lists what it can be signed for.</summary>
public sealed record ConsentTextDto(string Version, string Title, IReadOnlyList<string> Uses, string Markdown);
