using System.Text.Json;
using Microsoft.Playwright;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>On a slow uplink each card shows the bytes actually sent, and no more than three files go at once.</summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class UploadProgressTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Progress_bars_follow_the_bytes_sent_and_three_files_upload_at_a_time()
    {
        var app = fixture.App;
        var api = await ApiClient.SignInAsync(app);
        var patientId = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var visitId = (await api.CreateVisitAsync(patientId)).GetProperty("id").GetString()!;
        var files = new[] { "front", "back", "left-lateral", "right-lateral" }
            .Select((view, i) => new FilePayload
            {
                Name = $"{view}.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(3000, 4000, seed: 20 + i, view: view),
            })
            .ToArray();

        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app);
        await page.GotoAsync($"/visits/{visitId}/upload");
        await ThrottleUploadsAsync(page, bytesPerSecond: 400_000);
        await RecordCardsAsync(page);
        var upload = new UploadPage(page);

        await page.GetByLabel("Choose photos").SetInputFilesAsync(files);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload 4 photos" }).ClickAsync();
        await page.Locator("[data-upload-card][data-state=uploading] progress:not([value='0'])").First.WaitForAsync();
        await BrowserSession.ScreenshotWholePageAsync(page, "upload-progress-1440.png");
        foreach (var file in files) await upload.WaitForStateAsync(file.Name, "ready");

        var log = await page.EvaluateAsync<JsonElement>("() => window.uploadLog");
        Assert.Equal(3, log.GetProperty("mostUploading").GetInt32());
        foreach (var file in files)
        {
            var shown = log.GetProperty("progress").GetProperty(file.Name).EnumerateArray().Select(v => v.GetDouble()).ToList();
            Assert.Contains(shown, v => v is > 0 and < 100); // part of the file sent, not just empty then full
            Assert.Equal(100, shown[^1]);
        }
    }

    /// <summary>DevTools network throttling: uploads then take seconds, as on a clinic's Wi-Fi.</summary>
    private static async Task ThrottleUploadsAsync(IPage page, int bytesPerSecond)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 20, ["downloadThroughput"] = -1, ["uploadThroughput"] = bytesPerSecond,
        });
    }

    /// <summary>Records, on every change to the cards, how many upload at once and each progress bar's values.</summary>
    private static Task RecordCardsAsync(IPage page) => page.EvaluateAsync(
        """
        () => {
          const log = window.uploadLog = { mostUploading: 0, progress: {} };
          const list = document.querySelector('[data-upload-cards]');
          new MutationObserver(() => {
            const cards = [...list.querySelectorAll('[data-upload-card]')];
            log.mostUploading = Math.max(log.mostUploading, cards.filter((c) => c.dataset.state === 'uploading').length);
            for (const card of cards) {
              const values = (log.progress[card.dataset.fileName] ??= []);
              const value = card.querySelector('progress').value;
              if (values.at(-1) !== value) values.push(value);
            }
          }).observe(list, { subtree: true, childList: true, attributes: true });
        }
        """);
}
