using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>A clinician clicks three matching landmarks on the baseline and the photo; the alignment becomes manual.</summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class ManualAlignmentTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Clinician_aligns_a_photo_by_clicking_landmarks_and_can_reset_it()
    {
        var app = fixture.App;
        var api = await ApiClient.SignInAsync(app);
        var patientId = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var first = (await api.CreateVisitAsync(patientId, "baseline", "2026-03-12")).GetProperty("id").GetString()!;
        var later = (await api.CreateVisitAsync(patientId, "follow-up", "2026-06-18")).GetProperty("id").GetString()!;
        var baseline = await api.UploadIdAsync(first, TestImages.Jpeg(900, 1200, seed: 5, view: "right-lateral"), "right-lateral");
        await api.WaitUntilSettledAsync(baseline);
        var (jpeg, truth) = WarpedPhotos.Make("right-lateral", 5, 0.3, degrees: -3, scale: 0.95, shiftX: 30, shiftY: 20);
        var photoId = await api.UploadIdAsync(later, jpeg, "right-lateral");
        await api.WaitUntilSettledAsync(photoId);

        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app);
        await page.GotoAsync($"/photos/{photoId}/align");
        var baselineImage = page.Locator("[data-side=baseline] img");
        var photoImage = page.Locator("[data-side=photo] img");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.landmark-canvas img')].every(i => i.complete && i.naturalWidth > 0)");
        var baselineBox = (await baselineImage.BoundingBoxAsync())!;
        var photoBox = (await photoImage.BoundingBoxAsync())!;

        // Three landmarks in photo pixels; the baseline clicks go where the true matrix sends them.
        foreach (var (x, y) in new[] { (250.0, 300.0), (600.0, 650.0), (350.0, 1000.0) })
        {
            var (bx, by) = WarpedPhotos.Apply(truth, x, y);
            await page.Mouse.ClickAsync(baselineBox.X + (float)(bx / 900 * baselineBox.Width), baselineBox.Y + (float)(by / 1200 * baselineBox.Height));
            await page.Mouse.ClickAsync(photoBox.X + (float)(x / 900 * photoBox.Width), photoBox.Y + (float)(y / 1200 * photoBox.Height));
        }
        Assert.Equal(6, await page.Locator(".landmark").CountAsync());
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("manual-alignment.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save alignment" }).ClickAsync();

        await page.GetByText("Manual alignment saved.").WaitForAsync();
        Assert.Equal("Manual (landmarks)", await page.Locator("dt:has-text('Method') + dd").InnerTextAsync());
        var alignment = (await api.GetPhotoAsync(photoId)).GetProperty("alignment");
        Assert.Equal("manual", alignment.GetProperty("method").GetString());
        var matrix = alignment.GetProperty("matrix").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        // Clicks land on whole screen pixels of a scaled-down image, so allow a few master pixels.
        Assert.True(WarpedPhotos.CornerError(matrix, truth, 900, 1200) < 12);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("photo-page-manual.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Reset to automatic" }).ClickAsync();
        await page.GetByText("Manual alignment removed").WaitForAsync();
        Assert.Equal("auto", (await api.GetPhotoAsync(photoId)).GetProperty("alignment").GetProperty("method").GetString());
    }
}
