using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>
/// The upload page with JavaScript: several files at once, views from the capture sequence, a progress bar per file,
/// the processing state until the server's thumbnail shows, clear reasons, and a retry that leaves the rest alone.
/// </summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class UploadExperienceTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Several_files_upload_in_sequence_with_progress_and_a_failed_one_is_retried_alone()
    {
        var app = fixture.App;
        var (api, patientId, visitId) = await VisitAsync(app);
        // The visit already has its front photo, so the new files continue the capture sequence at Back.
        Assert.Equal(HttpStatusCode.Accepted, (await api.UploadAsync(visitId, TestImages.Jpeg(seed: 9, view: "front"), "front")).StatusCode);
        var files = new Dictionary<string, byte[]>
        {
            ["hips-back.jpg"] = TestImages.Jpeg(seed: 1, view: "back"),
            ["hips-left.jpg"] = TestImages.Jpeg(seed: 2, view: "left-lateral"),
            ["notes.jpg"] = "Follow-up in two weeks; the patient is happy."u8.ToArray(), // the name lies
        };
        var paths = files.Select(f => Write(app, f.Key, f.Value)).ToArray();

        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app);
        var sent = await UploadRequests.RouteAsync(page, failFirstAttemptOf: "hips-left.jpg");
        await page.GotoAsync($"/visits/{visitId}/upload");
        var upload = new UploadPage(page);
        Assert.False(await page.Locator("[data-upload-fallback]").IsVisibleAsync());
        Assert.False(await page.GetByText("Take photo").IsVisibleAsync()); // a desktop drags or chooses files

        await page.GetByLabel("Choose photos").SetInputFilesAsync(paths);
        Assert.Equal(3, await page.Locator("[data-upload-card]").CountAsync());
        Assert.Equal("back", await upload.ViewAsync("hips-back.jpg"));
        Assert.Equal("left-lateral", await upload.ViewAsync("hips-left.jpg"));
        Assert.Equal("right-lateral", await upload.ViewAsync("notes.jpg"));
        Assert.StartsWith("blob:", await upload.Card("hips-back.jpg").Locator("img").GetAttributeAsync("src"));
        Assert.Empty(sent.Attempts); // nothing leaves before the clinician has checked the views
        await BrowserSession.ScreenshotWholePageAsync(page, "upload-chosen-1440.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "Upload 3 photos" }).ClickAsync();
        await upload.WaitForStateAsync("notes.jpg", "failed");
        await upload.WaitForStateAsync("hips-left.jpg", "failed");
        await upload.WaitForStateAsync("hips-back.jpg", "ready");
        await upload.WaitForServerThumbnailAsync("hips-back.jpg");
        Assert.Contains("this file is a text document", await upload.StatusAsync("notes.jpg"));
        Assert.Contains("did not reach the server", await upload.StatusAsync("hips-left.jpg"));
        Assert.Equal(1.0, await upload.ProgressAsync("hips-back.jpg"));
        await BrowserSession.ScreenshotWholePageAsync(page, "upload-failures-1440.png");

        var others = new[] { await upload.SnapshotAsync("hips-back.jpg"), await upload.SnapshotAsync("notes.jpg") };
        await page.GetByRole(AriaRole.Button, new() { Name = "Retry hips-left.jpg" }).ClickAsync();
        await upload.WaitForStateAsync("hips-left.jpg", "ready");
        await upload.WaitForServerThumbnailAsync("hips-left.jpg");
        Assert.Equal(1.0, await upload.ProgressAsync("hips-left.jpg"));
        Assert.Equal(others, new[] { await upload.SnapshotAsync("hips-back.jpg"), await upload.SnapshotAsync("notes.jpg") });
        Assert.Equal(new Dictionary<string, int> { ["hips-back.jpg"] = 1, ["hips-left.jpg"] = 2, ["notes.jpg"] = 1 },
            new Dictionary<string, int>(sent.Attempts));
        Assert.Equal("3 photos: 2 ready, 1 needs attention", await page.Locator("[data-upload-summary]").InnerTextAsync());
        Assert.Equal("missing", await page.Locator("[data-sequence] [data-view=right-lateral]").GetAttributeAsync("data-state"));
        await BrowserSession.ScreenshotWholePageAsync(page, "upload-experience-1440.png");

        // The photos really exist under the views the cards showed, with exactly the bytes that were chosen.
        foreach (var (name, view) in new[] { ("hips-back.jpg", "back"), ("hips-left.jpg", "left-lateral") })
        {
            var photo = await api.GetPhotoAsync((await upload.Card(name).GetAttributeAsync("data-photo-id"))!);
            Assert.Equal(view, photo.GetProperty("view").GetString());
            Assert.Equal("ready", photo.GetProperty("status").GetString());
            Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(files[name])), photo.GetProperty("contentHash").GetString());
        }
        Assert.Equal([PhotoView.Front, PhotoView.Back, PhotoView.LeftLateral], await ViewsOnVisitAsync(app, visitId));

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the timeline" }).ClickAsync();
        await page.WaitForURLAsync($"**/patients/{patientId}");
    }

    [Fact]
    public async Task On_a_phone_clear_mistakes_show_at_once_the_camera_is_offered_and_a_tiff_gets_its_thumbnail()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded, extraSettings: "--Uploads:MaxBytes=2097152");
        var (api, _, visitId) = await VisitAsync(app);
        var tiff = ToTiff(TestImages.Jpeg(450, 600, seed: 3, view: "right-oblique"));

        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app, 390, 844, phone: true);
        var sent = await UploadRequests.RouteAsync(page);
        await page.GotoAsync($"/visits/{visitId}/upload");
        var upload = new UploadPage(page);
        var camera = page.GetByLabel("Take photo");
        Assert.True(await page.GetByText("Take photo").IsVisibleAsync());
        Assert.Equal("environment", await camera.GetAttributeAsync("capture"));
        Assert.Equal("image/*", await camera.GetAttributeAsync("accept"));

        await page.GetByLabel("Choose photos").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "hip-oblique.tif", MimeType = "image/tiff", Buffer = tiff },
            new FilePayload { Name = "consent.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n%âãÏÓ\n"u8.ToArray() },
            new FilePayload { Name = "whole-series.jpg", MimeType = "image/jpeg", Buffer = new byte[3 * 1024 * 1024] },
        });
        Assert.Equal("invalid", await upload.StateAsync("consent.pdf"));
        Assert.Contains("this file is a PDF", await upload.StatusAsync("consent.pdf"));
        Assert.Equal("invalid", await upload.StateAsync("whole-series.jpg"));
        Assert.Equal("This file is 3 MB; the limit is 2 MB.", await upload.StatusAsync("whole-series.jpg"));
        Assert.False(await upload.Card("consent.pdf").Locator("select").IsVisibleAsync());
        Assert.Equal("front", await upload.ViewAsync("hip-oblique.tif")); // the visit is empty: first view of the sequence
        Assert.True(await upload.Card("hip-oblique.tif").GetByText("Preview appears after processing").IsVisibleAsync());
        await upload.Card("hip-oblique.tif").Locator("select").SelectOptionAsync("right-oblique");
        await BrowserSession.ScreenshotWholePageAsync(page, "upload-checks-390.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "Upload 1 photo" }).ClickAsync();
        await upload.WaitForStateAsync("hip-oblique.tif", "ready");
        await upload.WaitForServerThumbnailAsync("hip-oblique.tif");
        Assert.False(await upload.Card("hip-oblique.tif").GetByText("Preview appears after processing").IsVisibleAsync());
        Assert.Equal(["hip-oblique.tif"], sent.Attempts.Keys); // the files that were clearly wrong never left the phone
        await BrowserSession.ScreenshotWholePageAsync(page, "upload-done-390.png");

        var photo = await api.GetPhotoAsync((await upload.Card("hip-oblique.tif").GetAttributeAsync("data-photo-id"))!);
        Assert.Equal("right-oblique", photo.GetProperty("view").GetString());
        Assert.Equal([PhotoView.RightOblique], await ViewsOnVisitAsync(app, visitId));
    }

    private static async Task<(ApiClient Api, string PatientId, string VisitId)> VisitAsync(TestApp app)
    {
        var api = await ApiClient.SignInAsync(app);
        var patientId = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        return (api, patientId, (await api.CreateVisitAsync(patientId)).GetProperty("id").GetString()!);
    }

    private static string Write(TestApp app, string name, byte[] bytes)
    {
        var path = Path.Combine(app.DataDirectory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] ToTiff(byte[] jpeg)
    {
        using var image = new ImageMagick.MagickImage(jpeg);
        return image.ToByteArray(ImageMagick.MagickFormat.Tiff);
    }

    internal static async Task<PhotoView[]> ViewsOnVisitAsync(TestApp app, string visitId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var views = await db.Photos.Where(p => p.VisitId == Guid.Parse(visitId)).Select(p => p.View).ToListAsync();
        return [.. views.Order()];
    }
}
