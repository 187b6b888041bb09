using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>The upload page's file cards, found by file name, as the browser tests read and wait for them.</summary>
internal sealed class UploadPage(IPage page)
{
    /// <summary>
    /// upload.js shows the app only after it listens for chosen files; files set before that would go unnoticed
    /// (a page reached by a click or redirect, not GotoAsync, may not have run its modules yet).
    /// </summary>
    public Task ReadyAsync() => page.Locator("[data-upload-app]").WaitForAsync();

    public ILocator Card(string fileName) => page.Locator($"[data-upload-card][data-file-name='{fileName}']");

    public Task<string> ViewAsync(string fileName) => Card(fileName).Locator("select").InputValueAsync();

    public Task<string> StatusAsync(string fileName) => Card(fileName).Locator("[data-card-status]").InnerTextAsync();

    public Task<string?> StateAsync(string fileName) => Card(fileName).GetAttributeAsync("data-state");

    public Task WaitForStateAsync(string fileName, string state) =>
        page.Locator($"[data-upload-card][data-file-name='{fileName}'][data-state='{state}']")
            .WaitForAsync(new() { Timeout = 60_000 });

    /// <summary>The card shows the server's thumbnail, and it really rendered.</summary>
    public async Task WaitForServerThumbnailAsync(string fileName)
    {
        await page.WaitForFunctionAsync(
            """
            name => {
              const img = document.querySelector(`[data-file-name='${name}'] img[data-source=server]`);
              return img && !img.hidden && img.complete && img.naturalWidth > 0;
            }
            """, fileName, new() { Timeout = 30_000 });
        Assert.Contains("/media/thumb", await Card(fileName).Locator("img").GetAttributeAsync("src"));
    }

    /// <summary>Everything a clinician sees on a card, to check that it did not change.</summary>
    public Task<string> SnapshotAsync(string fileName) =>
        Card(fileName).EvaluateAsync<string>(
            """
            c => [c.dataset.state, c.dataset.photoId, c.querySelector('[data-card-status]').textContent,
                  c.querySelector('img').getAttribute('src'), c.querySelector('select').value,
                  c.querySelector('progress').value].join(' | ')
            """);

    public Task<double> ProgressAsync(string fileName) =>
        Card(fileName).Locator("progress").EvaluateAsync<double>("p => p.value / p.max");
}

/// <summary>The uploads the browser sent, counted per file name; optionally the first attempt of one file dies.</summary>
internal sealed partial class UploadRequests
{
    public ConcurrentDictionary<string, int> Attempts { get; } = new();

    public static async Task<UploadRequests> RouteAsync(IPage page, string? failFirstAttemptOf = null)
    {
        var requests = new UploadRequests();
        await page.RouteAsync("**/api/v1/visits/*/photos", async route =>
        {
            var body = route.Request.PostDataBuffer is { } bytes ? Encoding.Latin1.GetString(bytes) : "";
            var name = FileName().Match(body) is { Success: true } m ? m.Groups[1].Value : "(no file)";
            var attempt = requests.Attempts.AddOrUpdate(name, 1, (_, n) => n + 1);
            if (name == failFirstAttemptOf && attempt == 1) await route.AbortAsync("connectionreset");
            else await route.ContinueAsync();
        });
        return requests;
    }

    [GeneratedRegex("filename=\"([^\"]+)\"")]
    private static partial Regex FileName();
}
