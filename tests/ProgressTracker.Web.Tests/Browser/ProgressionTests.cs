using Microsoft.Playwright;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>The progression screen: the filmstrip holds every visit of the view; the player steps through them.</summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class ProgressionTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Progression_shows_every_visit_of_the_view_and_steps_through_them()
    {
        var app = fixture.App;
        var patient = await SeededPatient.CreateAsync(app);
        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app);
        await page.GotoAsync($"/patients/{patient.Id}/progression?view=left-lateral");
        await PagePixels.WaitForImagesAsync(page);

        var frames = page.Locator("[data-frame]");
        Assert.Equal(3, await frames.CountAsync());
        Assert.Equal(["12 Mar 2026", "9 Apr 2026", "10 Sep 2026"], await page.Locator(".frame-date").AllInnerTextsAsync());
        Assert.Contains("10 Sep 2026", await page.Locator("[data-player-caption]").InnerTextAsync());
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.Contains("9 Apr 2026", await page.Locator("[data-player-caption]").InnerTextAsync());
        Assert.Equal("true", await frames.Nth(1).GetAttributeAsync("aria-current"));
        await frames.Nth(0).ClickAsync();
        Assert.Contains("12 Mar 2026", await page.Locator("[data-player-caption]").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("progression-1440.png"), FullPage = true });
    }
}
