using Microsoft.Playwright;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>
/// The measured outcome in Chromium: the clinician reads the dip-depth chart on the patient page and draws what was
/// measured over a front photo; the patient sees their own chart in the portal only when the clinic shows it.
/// </summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class MeasurementBrowserTests(EmbeddedAppFixture fixture)
{
    [Theory]
    [InlineData(1440, false)]
    [InlineData(390, true)]
    public async Task Clinician_reads_the_chart_and_sees_what_was_measured_on_a_front_photo(int width, bool phone)
    {
        var app = fixture.App;
        var s = await MeasuredFronts.CreateAsync(await ApiClient.SignInAsync(app));
        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app, width, 900, phone);

        await page.GotoAsync($"/patients/{s.PatientId}");
        var chart = page.Locator("[data-measurement-chart=front]");
        var svg = chart.Locator(phone ? "svg.mchart-compact" : "svg.mchart-wide");
        await Assertions.Expect(svg).ToBeVisibleAsync();
        await Assertions.Expect(chart.Locator(phone ? "svg.mchart-wide" : "svg.mchart-compact")).ToBeHiddenAsync();
        await Assertions.Expect(svg.Locator(".mchart-left .mchart-point")).ToHaveCountAsync(3);
        await Assertions.Expect(svg.Locator(".mchart-right .mchart-point")).ToHaveCountAsync(3);
        await Assertions.Expect(svg.Locator(".mchart-sessions line")).ToHaveCountAsync(3);
        await Assertions.Expect(svg.Locator(".mchart-mdc")).ToHaveCountAsync(2);
        await Assertions.Expect(chart.Locator(".mchart-note")).ToContainTextAsync("may be measurement noise");
        Assert.Equal($"/api/v1/patients/{s.PatientId}/measurements?view=front&format=csv",
            await chart.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).GetAttributeAsync("href"));
        // The numbers behind the chart, as a table.
        await chart.Locator("details.mchart-table summary").ClickAsync();
        await Assertions.Expect(chart.Locator("details.mchart-table tbody tr")).ToHaveCountAsync(3);
        // Beside the chart, the latest measured photo with what was measured on it (both sides' outline and depth).
        var figure = page.Locator("[data-measured-figure=front]");
        await Assertions.Expect(figure.Locator("polyline.mfig-contour")).ToHaveCountAsync(2);
        await Assertions.Expect(figure.Locator("line.mfig-depth")).ToHaveCountAsync(2);
        Assert.StartsWith($"/api/v1/photos/{s.Front[^1]}/media/display", await figure.Locator("image").GetAttributeAsync("href"));
        await PagePixels.WaitForImagesAsync(page);
        await chart.ScrollIntoViewIfNeededAsync();
        await BrowserSession.ScreenshotWholePageAsync(page, $"measurement-patient-page-{width}.png");

        await page.GotoAsync($"/photos/{s.Front[^1]}");
        await Assertions.Expect(page.Locator("[data-measure-status]")).ToHaveAttributeAsync("data-measure-status", "measured");
        await PagePixels.WaitForImagesAsync(page);
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Show what was measured" });
        await toggle.ClickAsync();
        var overlay = page.Locator(".overlay-host svg.measure-overlay");
        await Assertions.Expect(overlay.Locator("polyline.ov-contour")).ToHaveCountAsync(2);
        await Assertions.Expect(overlay.Locator("line.ov-bridge")).ToHaveCountAsync(2);
        await Assertions.Expect(overlay.Locator("line.ov-depth")).ToHaveCountAsync(2);
        await Assertions.Expect(overlay.Locator("text")).ToHaveCountAsync(2);
        await Assertions.Expect(overlay.Locator("text").First).ToContainTextAsync("%");
        // The overlay covers the displayed image exactly (master pixels scaled to the shown size).
        var img = (await page.Locator("#photo-image").BoundingBoxAsync())!;
        var box = (await overlay.BoundingBoxAsync())!;
        Assert.InRange(Math.Abs(img.Width - box.Width) + Math.Abs(img.Height - box.Height), 0, 2);
        await BrowserSession.ScreenshotWholePageAsync(page, $"measurement-photo-overlay-{width}.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hide what was measured" }).ClickAsync();
        await Assertions.Expect(overlay).ToHaveCountAsync(0);

        // This app leaves Portal:ShowMeasurements at its default (off): the patient sees no chart and no numbers.
        var patient = await session.SignedInAsAsync(app, await PatientAccounts.LinkAsync(app, s.PatientId), width, 900, phone);
        await patient.GotoAsync("/me");
        await Assertions.Expect(patient.Locator(".view-tabs")).ToBeVisibleAsync();
        await Assertions.Expect(patient.Locator("#measured-outcome")).ToHaveCountAsync(0);
        Assert.Equal(404, (await patient.APIRequest.GetAsync($"/api/v1/patients/{s.PatientId}/measurements?view=front")).Status);
    }

    [Fact]
    public async Task Patient_sees_their_own_chart_when_the_clinic_shows_measurements()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded, extraSettings: ["--Portal:ShowMeasurements=true"]);
        var s = await MeasuredFronts.CreateAsync(await ApiClient.SignInAsync(app));
        var email = await PatientAccounts.LinkAsync(app, s.PatientId);
        await using var session = await BrowserSession.StartAsync();
        foreach (var (width, phone) in new[] { (390, true), (1440, false) })
        {
            var page = await session.SignedInAsAsync(app, email, width, 900, phone);
            await page.GotoAsync("/me");
            var section = page.Locator("#measured-outcome");
            await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Your measured outcome" })).ToBeVisibleAsync();
            var svg = section.Locator(phone ? "svg.mchart-compact" : "svg.mchart-wide");
            await Assertions.Expect(svg).ToBeVisibleAsync();
            await Assertions.Expect(svg.Locator(".mchart-point")).ToHaveCountAsync(6);
            await Assertions.Expect(section.Locator(".mchart-legend")).ToContainTextAsync("Your left hip");
            await Assertions.Expect(svg.Locator(".mchart-xtick").First).ToHaveTextAsync("start");
            // The measured photo is shown too, without a link to the staff's photo page (which would refuse a patient).
            var figure = section.Locator("[data-measured-figure=front]");
            await Assertions.Expect(figure.Locator("polyline.mfig-contour")).ToHaveCountAsync(2);
            await Assertions.Expect(figure.Locator("a")).ToHaveCountAsync(0);
            await section.ScrollIntoViewIfNeededAsync();
            await BrowserSession.ScreenshotWholePageAsync(page, $"measurement-portal-{width}.png");
            // The CSV link is the patient's own series and answers them.
            var csv = await page.APIRequest.GetAsync((await section.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).GetAttributeAsync("href"))!);
            Assert.Equal(200, csv.Status);
            Assert.StartsWith("photo_id,", await csv.TextAsync());
        }
    }
}
