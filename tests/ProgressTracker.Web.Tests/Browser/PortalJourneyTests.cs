using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>
/// The whole way in, as it happens in the room: a clinician invites the patient from the patient's record, the
/// patient opens the link on their phone (or a desktop), sets a password, signs in, sees their progress as a slider,
/// downloads a photo and the archive of all their data — and the link does not work a second time.
/// </summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed partial class PortalJourneyTests(EmbeddedAppFixture fixture)
{
    [Theory]
    [InlineData(390, true)]
    [InlineData(1440, false)]
    public async Task Clinician_invites_patient_accepts_signs_in_and_downloads_a_photo_and_the_archive(int width, bool phone)
    {
        var app = fixture.App;
        var patient = await SeededPatient.CreateAsync(app);
        var email = $"journey-{Guid.NewGuid():N}@portal.test";
        await using var session = await BrowserSession.StartAsync();

        // The clinician, on the patient's record: Portal tab, the patient's e-mail, a link and a QR code.
        var clinic = await session.SignedInPageAsync(app, width, 900, phone);
        await clinic.GotoAsync($"/patients/{patient.Id}");
        await clinic.GetByRole(AriaRole.Link, new() { Name = "Portal", Exact = true }).First.ClickAsync();
        await clinic.GetByLabel("Patient's e-mail address").FillAsync(email);
        await clinic.GetByRole(AriaRole.Button, new() { Name = "Invite to the portal" }).ClickAsync();
        var link = await clinic.Locator("#invite-url").InputValueAsync();
        Assert.Matches(InviteLink(), link);
        Assert.Equal(1, await clinic.Locator("svg.qr").CountAsync());
        await BrowserSession.ScreenshotWholePageAsync(clinic, $"journey-invite-{width}.png");

        // The patient opens the link and chooses a password.
        var me = await session.NewPageAsync(app, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 }, IsMobile = phone, HasTouch = phone,
        });
        await me.GotoAsync(new Uri(link).PathAndQuery);
        await me.GetByRole(AriaRole.Heading, new() { Name = "Set a password to see your progress photos" }).WaitForAsync();
        await me.GetByLabel("New password").FillAsync(TestApp.Password);
        await me.GetByLabel("Repeat the password").FillAsync(TestApp.Password);
        await me.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await me.GetByRole(AriaRole.Link, new() { Name = "Sign in without a passkey" }).ClickAsync();
        await me.GetByLabel("Email").FillAsync(email);
        await me.GetByLabel("Password").FillAsync(TestApp.Password);
        await me.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await me.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/me");

        // Their progress: the first photo against the latest, as a slider.
        await PagePixels.WaitForImagesAsync(me);
        Assert.Equal("slider", await me.Locator("[data-compare-stage]").GetAttributeAsync("data-mode"));
        Assert.Equal(2, await me.Locator("[data-compare-stage] img").CountAsync());
        await BrowserSession.ScreenshotWholePageAsync(me, $"journey-progress-{width}.png");

        // A photo to keep.
        await me.GotoAsync("/me/photos");
        var photo = await me.RunAndWaitForDownloadAsync(() =>
            me.GetByRole(AriaRole.Link, new() { Name = "Download Front, 10 Sep 2026" }).ClickAsync());
        Assert.Equal("front-2026-09-10.jpg", photo.SuggestedFilename);

        // Everything, as an archive made in the background.
        await me.GotoAsync("/me/data");
        await me.GetByRole(AriaRole.Button, new() { Name = "Prepare my archive" }).ClickAsync();
        var archiveLink = me.Locator("[data-archive-link]");
        await archiveLink.WaitForAsync(new() { Timeout = 60_000 });
        await BrowserSession.ScreenshotWholePageAsync(me, $"journey-data-{width}.png");
        var archive = await me.RunAndWaitForDownloadAsync(() => archiveLink.ClickAsync());
        using (var zip = ZipFile.OpenRead((await archive.PathAsync())!))
        {
            Assert.Equal(5, zip.Entries.Count(e => e.FullName.StartsWith("photos/", StringComparison.Ordinal)));
            Assert.Contains(zip.Entries, e => e.FullName == "visits.json");
        }

        // The link was for one account only.
        var again = await session.NewPageAsync(app);
        await again.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(again.Locator("main")).ToContainTextAsync("already been used");
        Assert.Equal(0, await again.Locator("input[name=password]").CountAsync());

        // The clinic sees that the patient now has portal access.
        await clinic.ReloadAsync();
        await Assertions.Expect(clinic.Locator("main")).ToContainTextAsync(email);
        await Assertions.Expect(clinic.GetByRole(AriaRole.Button, new() { Name = "Revoke portal access" })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"^http://127\.0\.0\.1:\d+/invite/[A-Za-z0-9_-]{20,}$")]
    private static partial Regex InviteLink();
}
