using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Consents;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Consents;

/// <summary>
/// The consent matrix on the record itself: a use is allowed only while the consent is active (granted, not expired,
/// not revoked), only for the uses it names and only for the photos it covers. Expiry follows from the date alone.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class ConsentRulesTests
{
    private static readonly DateTimeOffset Signed = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly LastDay = new(2028, 12, 1);
    private static readonly Guid Photo = Guid.NewGuid();

    private static Consent Make(ConsentCoverageKind coverage = ConsentCoverageKind.All, params ConsentUse[] uses) => new()
    {
        PatientId = Guid.NewGuid(), Uses = uses.Length == 0 ? [ConsentUse.Website, ConsentUse.Portal] : [.. uses],
        CoverageKind = coverage, Views = [PhotoView.Front], PhotoIds = [Photo], ExpiresOn = LastDay,
        TextVersion = "v1", TextMarkdown = "text", TextSha256 = ConsentTexts.HashOf("text"), SignedName = "Jane Doe",
        Method = ConsentMethod.OnScreen, CreatedAt = Signed,
    };

    public static TheoryData<string, ConsentUse, bool> Matrix()
    {
        var data = new TheoryData<string, ConsentUse, bool>();
        foreach (var use in Enum.GetValues<ConsentUse>())
        {
            var named = use is ConsentUse.Website or ConsentUse.Portal;
            data.Add("active", use, named);
            data.Add("pending", use, false);
            data.Add("expired", use, false);
            data.Add("revoked", use, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void A_use_is_allowed_only_while_active_and_only_if_named(string state, ConsentUse use, bool allowed)
    {
        var consent = Make();
        var today = new DateOnly(2027, 6, 1);
        if (state != "pending") consent.Grant(Signed);
        if (state == "expired") today = LastDay.AddDays(1);
        if (state == "revoked") consent.Revoke(Signed.AddDays(3), by: null, via: "portal");

        Assert.Equal(state, consent.StatusOn(today).ToString().ToLowerInvariant());
        Assert.Equal(allowed, consent.Allows(use, Photo, PhotoView.Front, today));
    }

    [Fact]
    public void The_last_day_still_counts_and_the_next_does_not()
    {
        var consent = Make();
        consent.Grant(Signed);
        Assert.Equal(ConsentStatus.Active, consent.StatusOn(LastDay));
        Assert.Equal(ConsentStatus.Expired, consent.StatusOn(LastDay.AddDays(1)));
    }

    [Theory]
    [InlineData(ConsentCoverageKind.All, true, true, true)]
    [InlineData(ConsentCoverageKind.Views, true, false, true)]
    [InlineData(ConsentCoverageKind.Photos, true, true, false)]
    public void Coverage_is_all_photos_chosen_views_or_chosen_photos(ConsentCoverageKind coverage, bool chosenFront,
        bool chosenBack, bool otherFront)
    {
        var consent = Make(coverage);
        Assert.Equal(chosenFront, consent.Covers(Photo, PhotoView.Front));
        Assert.Equal(chosenBack, consent.Covers(Photo, PhotoView.Back));
        Assert.Equal(otherFront, consent.Covers(Guid.NewGuid(), PhotoView.Front));
    }

    [Fact]
    public void A_paper_consent_holds_once_its_form_is_attached_and_a_revocation_is_final()
    {
        var consent = Make(ConsentCoverageKind.All, ConsentUse.Publication);
        Assert.Equal(ConsentStatus.Pending, consent.StatusOn(new DateOnly(2027, 1, 1)));
        consent.AttachForm("consents/form.pdf", Signed);
        Assert.Equal(ConsentStatus.Active, consent.StatusOn(new DateOnly(2027, 1, 1)));
        Assert.True(consent.HasMarketingUse);

        var first = Signed.AddDays(10);
        consent.Revoke(first, by: null, via: "paper");
        consent.Revoke(first.AddDays(1), by: Guid.NewGuid(), via: "portal");
        Assert.Equal(first, consent.RevokedAt); // the first withdrawal stands
        Assert.Equal("paper", consent.RevokedVia);
        Assert.Throws<InvalidOperationException>(() => consent.AttachForm("consents/again.pdf", first));
        Assert.Equal(ConsentStatus.Revoked, consent.StatusOn(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Clinical_and_portal_uses_are_not_marketing()
    {
        Assert.False(Make(ConsentCoverageKind.All, ConsentUse.Clinical, ConsentUse.Portal, ConsentUse.Education).HasMarketingUse);
        Assert.True(Make(ConsentCoverageKind.All, ConsentUse.SocialMedia).HasMarketingUse);
    }
}
