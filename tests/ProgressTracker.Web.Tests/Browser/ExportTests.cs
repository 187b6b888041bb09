using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OpenCvSharp;
using ProgressTracker.Web.Tests.Api;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>A clinician picks two visits on the exports page, exports them, watches the progress and downloads the picture.</summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class ExportTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Clinician_exports_two_visits_side_by_side_and_downloads_the_picture()
    {
        var app = fixture.App;
        var api = await ApiClient.SignInAsync(app);
        var photos = await ProgressPhotos.CreateAsync(api);
        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app);
        await page.GotoAsync($"/patients/{photos.PatientId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Exports" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "New export", Exact = true }).WaitForAsync();
        var export = page.GetByRole(AriaRole.Button, new() { Name = "Export", Exact = true });

        // Baseline and last visit come chosen; swap the last for week 14. One photo is not a side-by-side.
        await page.GetByLabel("10 Sep 2026 · week 26").UncheckAsync();
        await page.GetByText("Choose exactly 2 photos (1 chosen).").WaitForAsync();
        Assert.True(await export.IsDisabledAsync());
        await page.GetByLabel("18 Jun 2026 · week 14").CheckAsync();
        Assert.Equal("Side by side · Left lateral · 2 photos", await page.Locator("[data-export-summary]").InnerTextAsync());
        await page.GetByLabel("Watermark").FillAsync("Example Clinic");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("exports-1440.png"), FullPage = true });

        await export.ClickAsync();
        var bar = page.Locator("[data-export-panel] progress");
        await bar.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        var download = page.Locator("[data-export-download]");
        await download.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 60_000 });
        Assert.Equal(100, await bar.EvaluateAsync<int>("b => b.value"));
        Assert.Equal("Ready", await page.Locator("[data-export-status]").InnerTextAsync());
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-export-preview]'); return i.complete && i.naturalWidth > 0; }");
        Assert.Equal(1, await page.Locator(".export-item[data-status=ready]").CountAsync());
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("exports-ready-1440.png"), FullPage = true });
        await page.SetViewportSizeAsync(1024, 900);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("exports-ready-1024.png"), FullPage = true });

        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.Equal("left-lateral-2026-03-12-vs-2026-06-18.jpg", file.SuggestedFilename);
        var saved = Path.Combine(app.DataDirectory, file.SuggestedFilename);
        await file.SaveAsAsync(saved);
        using (var picture = Cv2.ImRead(saved, ImreadModes.Color))
        {
            Assert.False(picture.Empty(), "the download is not an image");
            Assert.InRange(picture.Width, 1800, 1960);
            Assert.InRange(picture.Height, 1250, 1450);
            Assert.True(ExportApiTests.Contrast(picture, ExportApiTests.LabelBand(picture)) > 20, "no label drawn under the photo");
        }

        // The session cookie alone is not enough to make an export: the page's antiforgery token must come with it.
        var forged = await page.APIRequest.PostAsync($"/api/v1/patients/{photos.PatientId}/exports", new()
        {
            DataObject = new { kind = "sequence", view = "left-lateral", photoIds = photos.LeftLateral },
        });
        Assert.Equal(400, forged.Status);
        Assert.Contains("antiforgery", (await forged.JsonAsync())!.Value.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task On_a_phone_the_exports_page_makes_an_animation()
    {
        var app = fixture.App;
        var api = await ApiClient.SignInAsync(app);
        var photos = await ProgressPhotos.CreateAsync(api);
        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app, 390, 844);
        await page.GotoAsync($"/patients/{photos.PatientId}/exports");

        await page.GetByLabel("Animation").CheckAsync();
        await page.GetByLabel("18 Jun 2026 · week 14").CheckAsync();
        await page.GetByLabel("Crop to the hip region").CheckAsync();
        Assert.Equal("Animation · Left lateral · 3 photos", await page.Locator("[data-export-summary]").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("exports-390.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Export", Exact = true }).ClickAsync();
        await page.Locator("[data-export-download]").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-export-preview]'); return i.complete && i.naturalWidth > 0; }");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("exports-ready-390.png"), FullPage = true });

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the page scrolls sideways at 390 px");
        var list = await api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/patients/{photos.PatientId}/exports");
        var made = list.GetProperty("items")[0];
        Assert.Equal("animation", made.GetProperty("kind").GetString());
        Assert.True(made.GetProperty("cropToHip").GetBoolean());
        Assert.Equal("left-lateral-hip-animation-2026-03-12-to-2026-09-10.gif", made.GetProperty("fileName").GetString());
    }
}
