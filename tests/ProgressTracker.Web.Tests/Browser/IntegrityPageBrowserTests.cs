using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgressTracker.Web.Features.Integrity;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Infrastructure.Storage;
using ProgressTracker.Web.Tests.Admin;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>
/// The storage integrity page in Chromium at desktop and phone widths, reached from the admin navigation: all clear
/// first, then a missing original, an altered one and a resolved missing thumbnail; "Check now" comes back with its
/// note; no console errors. Screenshots: artifacts/screenshots/admin-integrity-*.png.
/// </summary>
[Trait(Tier.Name, Tier.Browser)]
public sealed class IntegrityPageBrowserTests
{
    [Theory]
    [InlineData(1440, false)]
    [InlineData(390, true)]
    public async Task Admin_sees_open_and_resolved_findings_and_checks_now(int width, bool phone)
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded, "All", false, "--Integrity:Enabled=false");
        var api = await ApiClient.SignInAsync(app);
        var patient = (await api.CreatePatientAsync("A-1042")).GetProperty("id").GetString()!;
        var visit = (await api.CreateVisitAsync(patient)).GetProperty("id").GetString()!;
        var ids = new List<Guid>();
        foreach (var (view, seed) in new[] { ("front", 21), ("back", 22), ("left-lateral", 23) })
            ids.Add(Guid.Parse(await api.UploadReadyAsync(visit, TestImages.Jpeg(seed: seed), view)));
        var (adminEmail, _) = await AdminAccounts.CreateAsync(app, Roles.Admin);

        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(app, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 }, IsMobile = phone, HasTouch = phone,
        });
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(adminEmail);
        await page.GetByLabel("Password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Integrity", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Storage integrity" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check now" }).ClickAsync();
        await page.GetByText("Check finished:").WaitForAsync();
        await Assertions.Expect(page.Locator(".all-clear")).ToContainTextAsync("Everything checked out.");
        await BrowserSession.ScreenshotWholePageAsync(page, $"admin-integrity-clear-{width}.png");

        // A thumbnail that goes missing and comes back (resolved), then a missing original and an altered one (open).
        var blobs = app.Services.GetRequiredService<IBlobStore>();
        var keys = await KeysAsync(app, ids);
        var thumb = (await blobs.ReadAllBytesAsync(keys[2].Thumb!, default))!;
        await blobs.DeleteAsync(keys[2].Thumb!, default);
        await app.Services.GetRequiredService<IntegrityCheck>().RunAndRecordAsync(default);
        await blobs.PutAsync(keys[2].Thumb!, new MemoryStream(thumb), "image/jpeg", overwrite: false, default);
        await blobs.DeleteAsync(keys[0].Original, default);
        var altered = (await blobs.ReadAllBytesAsync(keys[1].Original, default))!;
        altered[^10] ^= 0xFF;
        await blobs.PutAsync(keys[1].Original, new MemoryStream(altered), "image/jpeg", overwrite: true, default);

        await page.GetByRole(AriaRole.Button, new() { Name = "Check now" }).ClickAsync();
        await page.GetByText("2 open findings, 2 new. 1 finding resolved.").WaitForAsync();
        await Assertions.Expect(page.Locator(".findings-card li.finding")).ToHaveCountAsync(2);
        await page.Locator(".resolved-card summary").ClickAsync();
        await Assertions.Expect(page.Locator(".resolved-card li.finding")).ToHaveCountAsync(1);
        await BrowserSession.ScreenshotWholePageAsync(page, $"admin-integrity-{width}.png");

        await page.Locator(".findings-card li.finding[data-kind=missing] a[href^='/photos/']").ClickAsync();
        await page.GetByText("Storage check: Original file missing from storage.").WaitForAsync();
        await BrowserSession.ScreenshotWholePageAsync(page, $"photo-integrity-warning-{width}.png");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static async Task<List<(string Original, string? Thumb)>> KeysAsync(TestApp app, List<Guid> ids)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProgressTracker.Web.Infrastructure.Data.AppDbContext>();
        var rows = await db.Photos.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.OriginalKey, p.ThumbKey));
        return [.. ids.Select(id => rows[id])];
    }
}
