using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Consents;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Consents;

/// <summary>
/// A consent comes back from the database exactly as signed (uses, views and photos as their API names and ids, the
/// signed text and its hash); the shipped template is the current text until the clinic publishes its own, and it
/// carries what a marketing authorization must say.
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class ConsentStorageTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task A_consent_is_stored_and_read_back_as_signed()
    {
        var app = fixture.App;
        var staff = await ApiClient.SignInAsync(app);
        var patientId = Guid.Parse((await staff.CreatePatientAsync()).GetProperty("id").GetString()!);
        var photos = new List<Guid> { Guid.NewGuid(), Guid.NewGuid() };
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var text = await scope.ServiceProvider.GetRequiredService<ConsentTexts>().CurrentAsync(default);
            var consent = new Consent
            {
                PatientId = patientId, Uses = [ConsentUse.Website, ConsentUse.SocialMedia],
                CoverageKind = ConsentCoverageKind.Photos, Views = [PhotoView.LeftLateral, PhotoView.Back], PhotoIds = photos,
                ExpiresOn = new DateOnly(2028, 12, 1), TextVersion = text.Version, TextMarkdown = text.Markdown,
                TextSha256 = ConsentTexts.HashOf(text.Markdown), SignedName = "Jane Doe", Method = ConsentMethod.OnScreen,
                CreatedAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
            };
            consent.Grant(consent.CreatedAt);
            db.Consents.Add(consent);
            await db.SaveChangesAsync();
            id = consent.Id;
            // The list columns read plainly in the database, in the API's spelling.
            var raw = await db.Database.SqlQueryRaw<string>("SELECT \"Uses\" AS \"Value\" FROM \"Consents\" WHERE \"Id\" = {0}", id)
                .SingleAsync();
            Assert.Equal("website social-media", raw);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Consents.AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.Equal([ConsentUse.Website, ConsentUse.SocialMedia], stored.Uses);
            Assert.Equal([PhotoView.LeftLateral, PhotoView.Back], stored.Views);
            Assert.Equal(photos, stored.PhotoIds);
            Assert.Equal(ConsentTexts.DefaultVersion, stored.TextVersion);
            Assert.Equal(ConsentTexts.HashOf(stored.TextMarkdown), stored.TextSha256);
            Assert.Equal(ConsentStatus.Active, stored.StatusOn(new DateOnly(2027, 1, 1)));
        }
    }

    [Fact]
    public async Task The_template_is_the_current_text_once_and_says_what_a_marketing_authorization_must()
    {
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var texts = scope.ServiceProvider.GetRequiredService<ConsentTexts>();
            var first = await texts.CurrentAsync(default);
            var again = await texts.CurrentAsync(default);
            Assert.Equal(first.Id, again.Id);
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConsentTexts
                .CountAsync(t => t.Version == ConsentTexts.DefaultVersion));
        }

        var text = ConsentTexts.DefaultMarkdown;
        Assert.Contains("to be reviewed by the clinic's lawyer", text); // marked as a template
        string[] required =
        [
            "## What will be used", "## Who will use them, and who will see them", "## Why", "## How long",
            "withdraw this consent at any time", "as easily as you gave it", "Withdrawing does not affect uses before",
            "do not depend on whether you sign", "other people can copy and share it", "payment", "expiry date",
        ];
        Assert.All(required, phrase => Assert.Contains(phrase, text));
    }
}
