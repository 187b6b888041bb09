using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Serialization;
using R4 = Hl7.Fhir.Model;

namespace ProgressTracker.Web.Features.Consents;

/// <summary>
/// A consent as a FHIR R4 <c>Consent</c> resource (<c>GET /api/v1/consents/{id}/fhir</c>). Only ids leave: the
/// patient is a reference, and the signed name is never written.
/// </summary>
public static class ConsentFhir
{
    public const string MediaType = "application/fhir+json";

    // Stateless once built; building it inspects the whole R4 model, so once per process.
    private static readonly FhirJsonSerializer Serializer = new();

    public static R4.Consent ToResource(Consent consent, DateOnly today,
        IReadOnlyList<(Guid PhotoId, PhotoView View)> coveredPhotos, string baseUrl)
    {
        var system = $"{baseUrl.TrimEnd('/')}/fhir/CodeSystem";
        var uses = consent.Uses.Select(u => EnumNames.ToKebab(u)).ToList();
        var signedAt = consent.GrantedAt ?? consent.CreatedAt;
        var text = Encoding.UTF8.GetBytes(consent.TextMarkdown);

        return new R4.Consent
        {
            Id = consent.Id.ToString(),
            Status = StatusOf(consent.StatusOn(today)),
            Scope = new R4.CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy",
                "Privacy Consent"),
            Category = [new R4.CodeableConcept("http://loinc.org", "59284-0", "Patient Consent", string.Join(", ", uses))],
            Patient = new R4.ResourceReference($"Patient/{consent.PatientId}"),
            // Pending: the paper form was recorded but does not hold yet, so the recording time is the only date.
            DateTimeElement = new R4.FhirDateTime(signedAt),
            // R4 needs a policy or a policy rule; the rule is the clinic's text version the patient signed.
            PolicyRule = new R4.CodeableConcept($"{system}/consent-text", consent.TextVersion, consent.TextVersion,
                consent.TextVersion),
            Source = new R4.Attachment
            {
                ContentType = "text/markdown",
                Data = text,
                // R4 defines Attachment.hash as SHA-1; the record keeps its own SHA-256 for proof.
                Hash = SHA1.HashData(text),
                Title = consent.TextVersion,
                Creation = consent.GrantedAt is { } granted ? new R4.FhirDateTime(granted).Value : null,
            },
            Provision = new R4.Consent.provisionComponent
            {
                Type = R4.Consent.ConsentProvisionType.Permit,
                Period = new R4.Period
                {
                    Start = consent.GrantedAt is { } from ? DateOnly.FromDateTime(from.UtcDateTime).ToString("yyyy-MM-dd") : null,
                    End = consent.ExpiresOn?.ToString("yyyy-MM-dd"),
                },
                Purpose = [.. uses.Select(u => new R4.Coding($"{system}/consent-use", u))],
                // A photo is a Media resource in R4 (R5 folded Media into DocumentReference).
                Data = [.. coveredPhotos.Select(p => new R4.Consent.provisionDataComponent
                {
                    Meaning = R4.Consent.ConsentDataMeaning.Instance,
                    Reference = new R4.ResourceReference($"Media/{p.PhotoId}", EnumNames.ToKebab(p.View)),
                })],
            },
        };
    }

    public static string ToJson(Consent consent, DateOnly today,
        IReadOnlyList<(Guid PhotoId, PhotoView View)> coveredPhotos, string baseUrl) =>
        Serializer.SerializeToString(ToResource(consent, today, coveredPhotos, baseUrl));

    // R4 ConsentState has no pending, expired or revoked: a paper form awaiting its scan is proposed, and a consent
    // that no longer holds (withdrawn, or past its last day as provision.period.end shows) is inactive.
    private static R4.Consent.ConsentState StatusOf(ConsentStatus status) => status switch
    {
        ConsentStatus.Active => R4.Consent.ConsentState.Active,
        ConsentStatus.Pending => R4.Consent.ConsentState.Proposed,
        _ => R4.Consent.ConsentState.Inactive,
    };
}
