using Microsoft.Playwright;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>The clinician's first path through the app, in a real browser against the production-shaped stack.</summary>
[Collection(ProductionApp.Name), Trait(Tier.Name, Tier.Postgres), Trait(Tier.Name, Tier.Browser)]
public sealed class UploadToTimelineTests(ProductionAppFixture fixture)
{
    [Fact]
    public async Task Clinician_signs_in_creates_patient_and_visit_uploads_a_photo_and_sees_its_thumbnail()
    {
        var app = fixture.App;
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(app, new() { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        var photo = Path.Combine(app.DataDirectory, "left-lateral.jpg");
        await File.WriteAllBytesAsync(photo, TestImages.Jpeg(1200, 1600));

        await page.GotoAsync("/patients");
        Assert.EndsWith("/login?ReturnUrl=%2Fpatients", page.Url, StringComparison.OrdinalIgnoreCase);
        await page.GetByLabel("Email").FillAsync(TestApp.ClinicianEmail);
        await page.GetByLabel("Password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Patients" }).WaitForAsync();

        await page.GetByLabel("Display name").FillAsync("Jane D.");
        await page.GetByLabel("Record number").FillAsync("A-1042");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add patient" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Jane D." }).WaitForAsync();

        await page.GetByLabel("Kind").SelectOptionAsync("baseline");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add visit" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Upload photos" }).WaitForAsync();

        await new UploadPage(page).ReadyAsync();
        await page.GetByLabel("Choose photos").SetInputFilesAsync(photo);
        await page.GetByLabel("View of left-lateral.jpg").SelectOptionAsync("left-lateral");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload 1 photo" }).ClickAsync();
        // Back as soon as the server has the photo, so the timeline may still have to wait for its processing.
        await page.Locator("[data-upload-card]:is([data-state=processing], [data-state=ready])").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the timeline" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Timeline" }).WaitForAsync();

        // The page refreshes itself when processing finishes; the thumbnail must then actually render.
        var thumbnail = page.Locator("a.thumb[data-photo-status=ready] img");
        try
        {
            await thumbnail.WaitForAsync(new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("timeline-timeout.png"), FullPage = true });
            throw;
        }
        // The page reloads itself once more when the photo's alignment settles: the image is measured on the settled
        // page (which no longer watches), not on one that a reload may replace mid-check, and a screenshot taken during
        // that reload would never finish.
        await page.Locator("table.timeline[data-watch=false]").WaitForAsync(new() { Timeout = 60_000 });
        await page.WaitForFunctionAsync(
            "() => { const i = document.querySelector('a.thumb img'); return i && i.complete && i.naturalWidth > 0; }");
        // The visit is dated today by the app's own clock.
        var today = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        Assert.Equal("Left lateral, " + today.ToString("d MMM yyyy"), await thumbnail.GetAttributeAsync("alt"));
        var width = await thumbnail.EvaluateAsync<int>("i => i.naturalWidth");
        Assert.True(width is > 100 and <= 320, $"the thumbnail is {width} px wide");

        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("timeline-after-upload.png"), FullPage = true });
    }
}
