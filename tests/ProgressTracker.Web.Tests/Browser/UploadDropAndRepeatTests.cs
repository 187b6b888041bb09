using System.Net;
using Microsoft.Playwright;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>Files come in by keyboard or by drag and drop; a photo sent twice is shown as the one already stored.</summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class UploadDropAndRepeatTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Keyboard_and_drop_add_files_and_a_repeat_shows_the_photo_the_visit_already_has()
    {
        var app = fixture.App;
        var api = await ApiClient.SignInAsync(app);
        var patientId = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var visitId = (await api.CreateVisitAsync(patientId)).GetProperty("id").GetString()!;
        var back = TestImages.Jpeg(seed: 4, view: "back");
        Assert.Equal(HttpStatusCode.Accepted, (await api.UploadAsync(visitId, back, "back")).StatusCode);

        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app);
        // Listening before the page loads: Playwright turns on file-chooser interception without waiting for it.
        var chooser = new TaskCompletionSource<IFileChooser>();
        page.FileChooser += (_, opened) => chooser.TrySetResult(opened);
        await page.GotoAsync($"/visits/{visitId}/upload");
        var upload = new UploadPage(page);

        // The drop zone is a real control: Tab reaches it, it shows focus, and Enter opens the file picker.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Test P." }).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.GetByLabel("Choose photos").EvaluateAsync<bool>("input => document.activeElement === input"));
        Assert.NotEqual("none", await page.Locator("[data-dropzone]").EvaluateAsync<string>("zone => getComputedStyle(zone).boxShadow"));
        await page.Keyboard.PressAsync("Enter");
        var picker = await chooser.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(picker.IsMultiple);
        await picker.SetFilesAsync(new FilePayload { Name = "front.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(seed: 5, view: "front") });
        Assert.Equal("front", await upload.ViewAsync("front.jpg"));

        // The same bytes as the stored Back photo, dropped on the zone under another name.
        await page.Locator("[data-dropzone]").EvaluateAsync(
            """
            (zone, [name, base64]) => {
              const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
              const transfer = new DataTransfer();
              transfer.items.add(new File([bytes], name, { type: 'image/jpeg' }));
              for (const type of ['dragenter', 'dragover', 'drop']) {
                zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
              }
            }
            """, new[] { "again.jpg", Convert.ToBase64String(back) });
        Assert.Equal("left-lateral", await upload.ViewAsync("again.jpg")); // front is taken by the card above

        await page.GetByRole(AriaRole.Button, new() { Name = "Upload 2 photos" }).ClickAsync();
        await upload.WaitForStateAsync("again.jpg", "ready");
        await upload.WaitForStateAsync("front.jpg", "ready");
        // Nothing was stored twice, and the card tells the truth: it is the Back photo the visit already had.
        Assert.Equal("back", await upload.ViewAsync("again.jpg"));
        Assert.Contains("Already on this visit as Back", await upload.StatusAsync("again.jpg"));
        Assert.Equal([PhotoView.Front, PhotoView.Back], await UploadExperienceTests.ViewsOnVisitAsync(app, visitId));
        Assert.Equal("1 on this visit", await page.Locator("[data-sequence] [data-view=back] [data-sequence-state]").InnerTextAsync());
        Assert.Equal("missing", await page.Locator("[data-sequence] [data-view=left-lateral]").GetAttributeAsync("data-state"));
        await BrowserSession.ScreenshotWholePageAsync(page, "upload-repeat-1440.png");
    }
}
