using Microsoft.Playwright;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>
/// Without JavaScript the page is a form with one file input per view: a rejected file is explained on the page,
/// next to the files that were accepted. (UploadExperienceTests covers the drop zone that replaces it.)
/// </summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class UploadRejectionTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Upload_page_explains_each_rejected_file_and_keeps_the_accepted_ones()
    {
        var app = fixture.App;
        var api = await ApiClient.SignInAsync(app);
        var patientId = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var visitId = (await api.CreateVisitAsync(patientId)).GetProperty("id").GetString()!;
        var pdf = Path.Combine(app.DataDirectory, "scan.jpg"); // the name lies; the bytes decide
        await File.WriteAllBytesAsync(pdf, "%PDF-1.7\n1 0 obj << >> endobj\n"u8.ToArray());
        var truncated = Path.Combine(app.DataDirectory, "cut-off.jpg");
        await File.WriteAllBytesAsync(truncated, TestImages.Jpeg()[..15_000]);
        var good = Path.Combine(app.DataDirectory, "front.jpg");
        await File.WriteAllBytesAsync(good, TestImages.Jpeg(view: "front"));

        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app, javaScript: false);
        await page.GotoAsync($"/visits/{visitId}/upload");
        await page.GetByLabel("Front").SetInputFilesAsync(good);
        await page.GetByLabel("Back").SetInputFilesAsync(pdf);
        await page.GetByLabel("Left lateral").SetInputFilesAsync(truncated);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        var rejected = page.Locator("[data-upload-result=rejected]");
        await rejected.First.WaitForAsync();
        Assert.Equal(2, await rejected.CountAsync());
        Assert.Contains("this file is a PDF", await rejected.Nth(0).InnerTextAsync());
        Assert.Contains("incomplete", await rejected.Nth(1).InnerTextAsync());
        Assert.Equal(1, await page.Locator("[data-upload-result=accepted]").CountAsync());
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("upload-rejections.png"), FullPage = true });

        var timeline = await api.Http.GetStringAsync($"/api/v1/patients/{patientId}/timeline");
        Assert.Contains("\"view\":\"front\"", timeline);
        Assert.DoesNotContain("\"view\":\"back\"", timeline);
    }
}
