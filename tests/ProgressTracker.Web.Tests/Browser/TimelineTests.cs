using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>The patient timeline in Chromium: every visit and view, and two ticks in a row open compare.</summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class TimelineTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Timeline_shows_every_visit_and_view_and_two_ticks_open_compare_with_them()
    {
        var app = fixture.App;
        var patient = await SeededPatient.CreateAsync(app);
        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app);
        await page.GotoAsync($"/patients/{patient.Id}");

        Assert.Equal(3, await page.Locator("table.timeline thead th.visit-col").CountAsync());
        var rows = page.Locator("table.timeline tbody tr");
        Assert.Equal(["Front", "Left lateral"], (await rows.Locator("th").AllInnerTextsAsync()).Select(t => t.Split('\n')[0].Trim()));
        Assert.Equal(5, await page.Locator("a.thumb img").CountAsync()); // front has no photo at the second visit
        Assert.Equal(1, await page.Locator("a.cell-empty").CountAsync());
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("timeline-1440.png"), FullPage = true });

        var lateral = page.Locator("tr:has(th:text-is('Left lateral')) [data-compare-pick]");
        await lateral.Nth(0).CheckAsync();
        await page.GetByText("Now tick a second Left lateral photo").WaitForAsync();
        await lateral.Nth(2).ClickAsync(); // the second tick navigates
        await page.WaitForURLAsync(new Regex("/compare\\?"));
        Assert.Equal(patient.LateralPhotos[0], await page.Locator("select[name=before]").InputValueAsync());
        Assert.Equal(patient.LateralPhotos[2], await page.Locator("select[name=after]").InputValueAsync());
    }

    [Fact]
    public async Task An_empty_cell_opens_the_upload_with_its_view_chosen_for_the_first_photo()
    {
        var app = fixture.App;
        var patient = await SeededPatient.CreateAsync(app);
        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app);
        await page.GotoAsync($"/patients/{patient.Id}");
        var empty = page.Locator("a.cell-empty");
        Assert.EndsWith("/upload?view=front", await empty.GetAttributeAsync("href"));

        // The capture sequence would suggest front first anyway, so ask for a later view through the same door.
        var href = (await empty.GetAttributeAsync("href"))!.Replace("view=front", "view=right-lateral");
        await page.GotoAsync(href);
        await page.Locator("[data-upload-input]").First.SetInputFilesAsync(
        [
            new FilePayload { Name = "first.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(600, 800, seed: 3) },
            new FilePayload { Name = "second.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(600, 800, seed: 4) },
        ]);
        var cards = new UploadPage(page);
        Assert.Equal("right-lateral", await cards.ViewAsync("first.jpg"));
        Assert.Equal("front", await cards.ViewAsync("second.jpg")); // then the capture sequence resumes
    }
}
