using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Serialization;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Consents;
using ProgressTracker.Web.Tests.Support;
using R4 = Hl7.Fhir.Model;

namespace ProgressTracker.Web.Tests.Consents;

/// <summary>
/// The FHIR R4 export, read back with the SDK's own parser: what another system receives, not what we built in memory.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class ConsentFhirTests
{
    private const string BaseUrl = "https://clinic.example/";
    private const string Text = "# Consent\n\nI agree — photos of my hips (ü, é).\n";
    private static readonly DateTimeOffset Signed = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly LastDay = new(2028, 12, 1);
    private static readonly DateOnly During = new(2027, 6, 1);

    private static Consent Make() => new()
    {
        PatientId = Guid.NewGuid(), Uses = [ConsentUse.Website, ConsentUse.SocialMedia],
        CoverageKind = ConsentCoverageKind.Views, Views = [PhotoView.Front, PhotoView.LeftLateral], ExpiresOn = LastDay,
        TextVersion = "marketing-2026-12", TextMarkdown = Text, TextSha256 = ConsentTexts.HashOf(Text),
        SignedName = "Jane Doe", Method = ConsentMethod.OnScreen, CreatedAt = Signed.AddMinutes(-5),
    };

    private static readonly (Guid, PhotoView)[] Photos =
        [(Guid.NewGuid(), PhotoView.Front), (Guid.NewGuid(), PhotoView.LeftLateral)];

    private static R4.Consent RoundTrip(Consent consent, DateOnly today, out string json)
    {
        json = ConsentFhir.ToJson(consent, today, Photos, BaseUrl);
        return new FhirJsonDeserializer().Deserialize<R4.Consent>(json);
    }

    [Theory]
    [InlineData("active", R4.Consent.ConsentState.Active)]
    [InlineData("pending", R4.Consent.ConsentState.Proposed)]
    [InlineData("revoked", R4.Consent.ConsentState.Inactive)]
    [InlineData("expired", R4.Consent.ConsentState.Inactive)]
    public void Each_state_maps_to_an_R4_consent_state(string state, R4.Consent.ConsentState expected)
    {
        var consent = Make();
        var today = During;
        if (state != "pending") consent.Grant(Signed);
        if (state == "revoked") consent.Revoke(Signed.AddDays(3), by: null, via: "portal");
        if (state == "expired") today = LastDay.AddDays(1);
        Assert.Equal(state, consent.StatusOn(today).ToString().ToLowerInvariant());

        var resource = RoundTrip(consent, today, out _);

        Assert.Equal(expected, resource.Status);
        // Pending has not been granted: it is dated when recorded and its period has no start yet.
        Assert.Equal(state == "pending" ? consent.CreatedAt : Signed, resource.DateTimeElement!.ToDateTimeOffset(TimeSpan.Zero));
        Assert.Equal(state == "pending" ? null : "2026-12-01", resource.Provision!.Period!.Start);
    }

    [Fact]
    public void An_active_consent_carries_scope_category_patient_period_uses_and_photos()
    {
        var consent = Make();
        consent.Grant(Signed);

        var resource = RoundTrip(consent, During, out var json);

        Assert.Equal("Consent", JsonDocument.Parse(json).RootElement.GetProperty("resourceType").GetString());
        Assert.Equal(consent.Id.ToString(), resource.Id);
        var scope = Assert.Single(resource.Scope.Coding);
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"), (scope.System, scope.Code));
        var category = Assert.Single(resource.Category);
        Assert.Equal(("http://loinc.org", "59284-0"), (category.Coding[0].System, category.Coding[0].Code));
        Assert.Contains("social-media", category.Text);
        Assert.Equal($"Patient/{consent.PatientId}", resource.Patient!.Reference);
        Assert.NotNull(resource.PolicyRule);

        var provision = resource.Provision;
        Assert.Equal(R4.Consent.ConsentProvisionType.Permit, provision!.Type);
        Assert.Equal(("2026-12-01", "2028-12-01"), (provision.Period!.Start, provision.Period.End));
        Assert.Equal(["website", "social-media"], provision.Purpose.Select(p => p.Code));
        Assert.All(provision.Purpose, p => Assert.Equal("https://clinic.example/fhir/CodeSystem/consent-use", p.System));
        Assert.Equal(Photos.Select(p => $"Media/{p.Item1}"), provision.Data.Select(d => d.Reference.Reference));
        Assert.All(provision.Data, d => Assert.Equal(R4.Consent.ConsentDataMeaning.Instance, d.Meaning));
    }

    [Fact]
    public void The_attachment_is_the_exact_signed_text_with_its_SHA1_and_the_name_never_leaves()
    {
        var consent = Make();
        consent.Grant(Signed);

        var resource = RoundTrip(consent, During, out var json);

        var attachment = Assert.IsType<R4.Attachment>(resource.Source);
        Assert.Equal("text/markdown", attachment.ContentType);
        Assert.Equal(Text, Encoding.UTF8.GetString(attachment.Data!));
        Assert.Equal(SHA1.HashData(Encoding.UTF8.GetBytes(Text)), attachment.Hash);
        Assert.Equal("marketing-2026-12", attachment.Title);
        Assert.DoesNotContain("Jane", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Doe", json, StringComparison.OrdinalIgnoreCase);
    }
}
