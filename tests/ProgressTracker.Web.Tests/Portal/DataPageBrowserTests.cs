using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Portal.Archive;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Tests.Browser;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Portal;

/// <summary>
/// "My data" in Chromium on a phone and a desktop: the archive's progress and download link appear without a reload,
/// the deletion request goes through its confirm step, and the page has no serious accessibility violations, no
/// console errors (nothing refused by the Content-Security-Policy) and no sideways scrolling.
/// </summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class DataPageBrowserTests(EmbeddedAppFixture fixture)
{
    private TestApp App => fixture.App;

    [Theory]
    [InlineData(390, true)]
    [InlineData(1440, false)]
    public async Task The_patient_follows_the_archive_in_place_downloads_it_and_asks_to_delete_the_account(int width, bool phone)
    {
        var staff = await ApiClient.SignInAsync(App);
        var (patientId, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        var visit = (await staff.CreateVisitAsync(patientId, "baseline", "2026-03-12")).GetProperty("id").GetString()!;
        await staff.UploadReadyAsync(visit, TestImages.Jpeg(600, 800, seed: 51), "front");
        var email = await PatientAccounts.LinkAsync(App, patientId);
        // An archive asked for but not yet built (no job queued): the page shows it in progress until the job below runs.
        var archiveId = await PendingArchiveAsync(Guid.Parse(patientId));

        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(App, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 }, IsMobile = phone, HasTouch = phone,
        });
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // Errors from scripts the test injects (axe-core has no URL) are not the page's.
            if (message.Type != "error" || message.Location.StartsWith(':')) return;
            problems.Add($"console error: {message.Text} at {message.Location}");
        };
        page.PageError += (_, error) => problems.Add($"script error: {error}");
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await page.GotoAsync("/me/data");
        await page.GetByRole(AriaRole.Heading, new() { Name = "My data", Exact = true }).WaitForAsync();

        var live = page.Locator("[data-archive-live]");
        Assert.Contains("Preparing your archive", await live.InnerTextAsync());
        Assert.Equal("polite", await live.GetAttributeAsync("aria-live"));
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        problems.AddRange(await SeriousViolationsAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"the page scrolls sideways at {width} px");
        await BrowserSession.ScreenshotWholePageAsync(page, $"my-data-preparing-{width}.png");

        var link = page.GetByRole(AriaRole.Link, new() { Name = "Download my archive (zip)" });
        Assert.False(await link.IsVisibleAsync(), "a download link is offered before the archive is ready");
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Prepare a new archive" }).IsVisibleAsync());
        Assert.True(await page.Locator("[data-archive-bar]").IsVisibleAsync());

        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BuildArchiveJob>().RunAsync(archiveId, default);
        await link.WaitForAsync(new() { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page reloaded to show the link");
        Assert.Equal("Your archive is ready to download.", await live.InnerTextAsync());
        Assert.Equal("1 photo", await page.Locator("[data-archive-count]").InnerTextAsync());
        Assert.Equal(100, await page.Locator("[data-archive-bar]").EvaluateAsync<int>("b => b.value"));
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Matches(@"^my-progress-photos-\d{4}-\d{2}-\d{2}\.zip$", download.SuggestedFilename);

        await page.GetByLabel("Message to the clinic").FillAsync("Please close my portal account.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask to delete my account…" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Please confirm" }).WaitForAsync();
        await BrowserSession.ScreenshotWholePageAsync(page, $"my-data-confirm-{width}.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, send my request" }).ClickAsync();
        await page.GetByText("is with the clinic").WaitForAsync();
        problems.AddRange(await SeriousViolationsAsync(page));
        await BrowserSession.ScreenshotWholePageAsync(page, $"my-data-requested-{width}.png");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<Guid> PendingArchiveAsync(Guid patientId)
    {
        var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var archive = new DataArchive { PatientId = patientId, CreatedAt = now, FileName = ArchiveNames.Download(now) };
        archive.MarkQueued(now);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.DataArchives.Add(archive);
        await db.SaveChangesAsync();
        return archive.Id;
    }

    private static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
    }
}
