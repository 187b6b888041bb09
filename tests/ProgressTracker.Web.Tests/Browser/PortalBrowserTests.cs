using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>
/// The patient portal in Chromium, as a patient uses it on a phone and on a desktop: the course in their words, the
/// slider comparison, their photos to download, who looked at them — and nothing of anyone else's.
/// </summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed partial class PortalBrowserTests(EmbeddedAppFixture fixture)
{
    [Theory]
    [InlineData(390, true)]
    [InlineData(1440, false)]
    public async Task Patient_follows_their_progress_downloads_a_photo_and_sees_who_looked(int width, bool phone)
    {
        var app = fixture.App;
        var patient = await SeededPatient.CreateAsync(app);
        var email = await PatientAccounts.LinkAsync(app, patient.Id);
        // A clinician opens one of the patient's photos: the patient must see it in "who saw my photos".
        var clinician = await ApiClient.SignInAsync(app);
        var looked = await clinician.Http.GetAsync($"/api/v1/photos/{patient.LateralPhotos[1]}/media/display");
        Assert.Equal(HttpStatusCode.OK, looked.StatusCode);
        await app.FlushAuditAsync();

        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInAsAsync(app, email, width, 900, phone);
        Assert.Equal("/me", new Uri(page.Url).AbsolutePath); // "/" sends a patient to their portal
        await page.GetByRole(AriaRole.Heading, new() { NameRegex = WeekHeadline() }).WaitForAsync();
        Assert.Equal(0, await page.Locator("a[href='/patients']").CountAsync()); // no staff navigation

        // The start page compares the first photo with the latest as a slider; dragging moves the split.
        var stage = page.Locator("[data-compare-stage]");
        Assert.Equal("slider", await stage.GetAttributeAsync("data-mode"));
        await PagePixels.WaitForImagesAsync(page);
        var handle = page.Locator("[data-wipe]");
        var box = (await stage.BoundingBoxAsync())!;
        var grip = (await handle.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(grip.X + grip.Width / 2, grip.Y + grip.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.3f, grip.Y + grip.Height / 2, new() { Steps = 6 });
        await page.Mouse.UpAsync();
        Assert.InRange(int.Parse((await handle.GetAttributeAsync("aria-valuenow"))!), 27, 33);
        await BrowserSession.ScreenshotWholePageAsync(page, $"portal-progress-{width}.png");

        // My photos: every visit, each photo downloadable as a JPEG named by view and visit date.
        await page.GotoAsync("/me/photos");
        await PagePixels.WaitForImagesAsync(page);
        Assert.Equal(5, await page.Locator(".portal-photos li").CountAsync());
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download Left lateral, 12 Mar 2026" }).ClickAsync());
        Assert.Equal("left-lateral-2026-03-12.jpg", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(bytes.Length > 1000 && bytes[0] == 0xFF && bytes[1] == 0xD8, "the download is a JPEG");
        Assert.Equal(0, await page.Locator("a[href*='/media/original']").CountAsync());
        await BrowserSession.ScreenshotWholePageAsync(page, $"portal-photos-{width}.png");

        // Who saw my photos: the clinician's look, by role; the patient's own views are not listed.
        await page.GotoAsync("/me/access-log");
        await Assertions.Expect(page.Locator(".access-lines")).ToContainTextAsync("A clinician looked at 1 photo");
        await Assertions.Expect(page.Locator(".access-lines")).Not.ToContainTextAsync("downloaded");
        await BrowserSession.ScreenshotWholePageAsync(page, $"portal-access-log-{width}.png");

        await page.GotoAsync("/me/compare?view=left-lateral&mode=overlay");
        await PagePixels.WaitForImagesAsync(page);
        await BrowserSession.ScreenshotWholePageAsync(page, $"portal-compare-{width}.png");
        await page.GotoAsync("/me/progression?view=left-lateral");
        await PagePixels.WaitForImagesAsync(page);
        await BrowserSession.ScreenshotWholePageAsync(page, $"portal-progression-{width}.png");

        // The clinic's own screens stay closed to a patient, even for their own record.
        await page.GotoAsync($"/patients/{patient.Id}");
        Assert.Equal("/access-denied", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task A_second_patient_sees_none_of_the_first_patients_photos()
    {
        var app = fixture.App;
        var first = await SeededPatient.CreateAsync(app);
        var clinician = await ApiClient.SignInAsync(app);
        var secondId = (await clinician.CreatePatientAsync()).GetProperty("id").GetString()!;
        var email = await PatientAccounts.LinkAsync(app, secondId);

        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInAsAsync(app, email, 390, 900, phone: true);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your clinic has not added photos yet");
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        await page.GotoAsync("/me/photos");
        Assert.Equal(0, await page.Locator("main img").CountAsync());

        // With the second patient's own cookie, the first patient's records are not there at all.
        foreach (var url in new[]
                 {
                     $"/api/v1/photos/{first.LateralPhotos[0]}/media/display", $"/api/v1/photos/{first.LateralPhotos[0]}",
                     $"/api/v1/patients/{first.Id}", $"/api/v1/patients/{first.Id}/timeline",
                 })
            Assert.Equal(404, (await page.Context.APIRequest.GetAsync(url)).Status);
        await page.GotoAsync($"/me/compare?view=left-lateral&after={first.LateralPhotos[2]}");
        Assert.Equal(0, await page.Locator("main img").CountAsync());
    }

    [GeneratedRegex(@"^Week \d+ since your first session$")]
    private static partial Regex WeekHeadline();
}
