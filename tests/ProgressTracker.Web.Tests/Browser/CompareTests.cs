using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>
/// The compare screen in Chromium, on a patient with three visits: checks what is drawn (pixels) and the transform
/// both photos share, not only what the markup says.
/// </summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class CompareTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Slider_moves_the_split_overlay_opacity_changes_the_pixels_and_zoom_stays_in_sync()
    {
        var app = fixture.App;
        var patient = await SeededPatient.CreateAsync(app);
        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app);
        // As taken: the follow-ups are shifted and rotated, so before and after differ clearly on screen.
        await page.GotoAsync($"/patients/{patient.Id}/compare?view=left-lateral&aligned=false");
        await PagePixels.WaitForImagesAsync(page);
        Assert.Equal(patient.LateralPhotos[2], await page.Locator("select[name=after]").InputValueAsync()); // latest by default
        var stage = page.Locator("[data-compare-stage]");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("compare-side-1440.png"), FullPage = true });

        // Slider: drag the handle to a quarter of the width; the arrow keys nudge it.
        await page.Keyboard.PressAsync("2");
        Assert.Equal("slider", await stage.GetAttributeAsync("data-mode"));
        var handle = page.Locator("[data-wipe]");
        var box = (await stage.BoundingBoxAsync())!;
        var grip = (await handle.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(grip.X + grip.Width / 2, grip.Y + grip.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.25f, grip.Y + grip.Height / 2, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        Assert.InRange(int.Parse((await handle.GetAttributeAsync("aria-valuenow"))!), 23, 27);
        using var quarter = await PagePixels.ShotAsync(stage);
        await handle.FocusAsync();
        await page.Keyboard.PressAsync("End");
        Assert.Equal("100", await handle.GetAttributeAsync("aria-valuenow"));
        using var allBefore = await PagePixels.ShotAsync(stage);
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal("98", await handle.GetAttributeAsync("aria-valuenow"));
        // Right of the split the later photo shows, left of it the earlier one.
        Assert.True(PagePixels.MeanDifference(quarter, allBefore, 0.30, 0.95) > 2, "moving the split must change the right-hand part");
        Assert.True(PagePixels.MeanDifference(quarter, allBefore, 0.0, 0.20) < 1, "left of both splits the earlier photo shows in both");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("compare-slider-1440.png"), FullPage = true });

        // Overlay: the later photo over the earlier one; its opacity decides what is drawn.
        await page.Keyboard.PressAsync("3");
        var opacity = page.Locator("[data-opacity]");
        await opacity.FillAsync("0");
        using var transparent = await PagePixels.ShotAsync(stage);
        await opacity.FillAsync("100");
        using var opaque = await PagePixels.ShotAsync(stage);
        await opacity.FillAsync("50");
        using var half = await PagePixels.ShotAsync(stage);
        var full = PagePixels.MeanDifference(transparent, opaque, 0, 1);
        Assert.True(full > 2, $"opacity 0 and 100 must draw different photos (difference {full:0.00})");
        Assert.InRange(PagePixels.MeanDifference(transparent, half, 0, 1), full * 0.25, full * 0.75);
        Assert.True(PagePixels.MeanDifference(transparent, allBefore, 0, 1) < 1, "at opacity 0 only the earlier photo is drawn");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("compare-overlay-1440.png"), FullPage = true });

        // Side by side: zoom and pan move both photos together.
        await page.Keyboard.PressAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" }).ClickAsync();
        Assert.Equal("156%", await page.Locator("[data-zoom-level]").InnerTextAsync());
        var left = page.Locator("[data-side=before]");
        var leftBox = (await left.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(leftBox.X + leftBox.Width / 2, leftBox.Y + leftBox.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(leftBox.X + leftBox.Width / 2 - 60, leftBox.Y + leftBox.Height / 2 - 90, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        var transforms = await page.Locator("[data-layer]").EvaluateAllAsync<string[]>("ls => ls.map(l => getComputedStyle(l).transform)");
        Assert.Equal(2, transforms.Length);
        Assert.Equal(transforms[0], transforms[1]);
        Assert.StartsWith("matrix(1.5625, 0, 0, 1.5625, ", transforms[0]);
        Assert.DoesNotContain(", 0, 0)", transforms[0]); // panned away from the corner
        using var leftShot = await PagePixels.ShotAsync(left);
        using var rightShot = await PagePixels.ShotAsync(page.Locator("[data-side=after]"));
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("compare-zoomed-1440.png"), FullPage = true });

        // Aligned toggle swaps both photos to their versions on the baseline's canvas, and the URL remembers it.
        await page.Locator("label.switch").ClickAsync();
        var sources = await page.Locator("[data-compare-stage] img").EvaluateAllAsync<string[]>("is => is.map(i => i.getAttribute('src'))");
        Assert.Contains("/media/aligned?r=", sources[1]);
        Assert.Contains("aligned=true", page.Url);

        // ← shows the previous visit as "after".
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.WaitForURLAsync(new Regex($"after={patient.LateralPhotos[1]}"));
        Assert.Equal(patient.LateralPhotos[1], await page.Locator("select[name=after]").InputValueAsync());
        Assert.Equal("side", await stage.GetAttributeAsync("data-mode"));

        var phone = await session.SignedInPageAsync(app, width: 390, height: 844);
        await phone.GotoAsync($"/patients/{patient.Id}/compare?view=left-lateral&mode=slider");
        await PagePixels.WaitForImagesAsync(phone);
        await phone.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("compare-slider-390.png"), FullPage = true });
    }

    [Fact]
    public async Task Pinching_on_a_touch_screen_zooms_both_photos_together()
    {
        var app = fixture.App;
        var patient = await SeededPatient.CreateAsync(app);
        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app, width: 820, height: 1180, phone: true); // a tablet
        await page.GotoAsync($"/patients/{patient.Id}/compare?view=left-lateral");
        await PagePixels.WaitForImagesAsync(page);
        var pane = (await page.Locator("[data-side=before]").BoundingBoxAsync())!;
        var (x, y) = (pane.X + pane.Width / 2, pane.Y + pane.Height / 2);

        // Two fingers on the earlier photo move apart: a real touch sequence through the DevTools protocol.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        async Task TouchAsync(string type, double spread) =>
            await cdp.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
            {
                ["type"] = type,
                ["touchPoints"] = type == "touchEnd" ? Array.Empty<object>() : new object[]
                {
                    new Dictionary<string, object> { ["x"] = x - spread, ["y"] = y, ["id"] = 1 },
                    new Dictionary<string, object> { ["x"] = x + spread, ["y"] = y, ["id"] = 2 },
                },
            });
        await TouchAsync("touchStart", 30);
        for (var spread = 40; spread <= 90; spread += 10) await TouchAsync("touchMove", spread);
        await TouchAsync("touchEnd", 0);

        var zoom = int.Parse((await page.Locator("[data-zoom-level]").InnerTextAsync()).TrimEnd('%'));
        Assert.InRange(zoom, 200, 400); // fingers 60 px apart, then 180 px: about three times
        var transforms = await page.Locator("[data-layer]").EvaluateAllAsync<string[]>("ls => ls.map(l => getComputedStyle(l).transform)");
        Assert.Equal(transforms[0], transforms[1]);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("compare-pinched-820.png") });
    }
}
