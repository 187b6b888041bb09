using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>
/// The blob store goes away while a clinician uploads: the app answers 503 with Retry-After, the upload page says so
/// and tries again by itself, and once the store is back the photo is stored, once, and processed.
/// </summary>
[Trait(Tier.Name, Tier.Browser), Trait(Tier.Name, Tier.Postgres)]
public sealed partial class UploadOutageTests
{
    [Fact]
    public async Task An_upload_during_a_blob_store_outage_waits_as_told_and_succeeds_when_the_store_returns()
    {
        var azurite = TestServices.Azurite;
        await using var relay = new TcpRelay("127.0.0.1", int.Parse(BlobPort().Match(azurite).Groups[1].Value));
        await using var app = await TestApp.StartAsync(StorageMode.Production,
            extraSettings: [$"--Storage:AzureConnectionString={BlobPort().Replace(azurite, $"127.0.0.1:{relay.Port}/")}"]);
        var api = await ApiClient.SignInAsync(app);
        var patientId = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var visitId = (await api.CreateVisitAsync(patientId)).GetProperty("id").GetString()!;

        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app);
        await page.GotoAsync($"/visits/{visitId}/upload");
        var upload = new UploadPage(page);
        await upload.ReadyAsync();

        await relay.CutAsync();
        await page.GetByLabel("Choose photos").SetInputFilesAsync(new FilePayload
        {
            Name = "front.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(1200, 1600, seed: 41, view: "front"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload 1 photo" }).ClickAsync();
        var status = upload.Card("front.jpg").Locator("[data-card-status]");
        await Assertions.Expect(status).ToContainTextAsync("briefly unavailable; trying again in 10 s",
            new() { Timeout = 60_000 });
        await BrowserSession.ScreenshotWholePageAsync(page, "upload-outage-1440.png");
        Assert.Equal("uploading", await upload.StateAsync("front.jpg"));

        relay.Resume();
        await upload.WaitForStateAsync("front.jpg", "ready");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Photos.CountAsync(p => p.VisitId == Guid.Parse(visitId)));
    }

    [GeneratedRegex(@"127\.0\.0\.1:(\d+)/")]
    private static partial Regex BlobPort();
}
