using System.Net;
using Microsoft.Playwright;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Browser;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Audit.AuditTrailSupport;

namespace ProgressTracker.Web.Tests.Audit;

/// <summary>An admin reads the trail at desktop and phone width, filters it, verifies the chain and downloads CSV.</summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class AuditPageTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Admin_filters_the_trail_sees_the_chain_verified_and_downloads_csv()
    {
        var app = fixture.App;
        var api = await ApiClient.SignInAsync(app);
        var patientId = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var visitId = (await api.CreateVisitAsync(patientId)).GetProperty("id").GetString()!;
        var photoId = await api.UploadReadyAsync(visitId, TestImages.Jpeg(), "left-lateral");
        await api.Http.GetAsync($"/api/v1/photos/{photoId}/media/thumb");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Http.GetAsync("/api/v1/admin/audit")).StatusCode);
        var email = $"admin-{Guid.NewGuid():N}"[..14] + "@clinic.test";
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(email, Roles.Admin, TestApp.Password, default);
        await SealAsync(app);

        await using var session = await BrowserSession.StartAsync();
        var page = await SignInAsync(session, app, email, 1440, 900);
        await page.GotoAsync("/admin/audit");
        await page.GetByText("Chain intact · verified").WaitForAsync();
        Assert.Matches(@"verified \d+ entries as of \d\d:\d\d UTC", await page.Locator(".chain-ok").InnerTextAsync());
        await page.GetByRole(AriaRole.Cell, new() { Name = "photo.viewed thumb" }).First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("admin-audit.png"), FullPage = true });

        await page.GetByLabel("Action").SelectOptionAsync(AuditActions.PhotoUploaded);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.WaitForURLAsync("**action=photo.uploaded**");
        var actions = await page.Locator("td[data-label=Action] .action").AllInnerTextsAsync();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Equal(AuditActions.PhotoUploaded, a));

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal(AuditCsv.Header, csv[0]);
        Assert.Equal(actions.Count, csv.Length - 1);
        Assert.All(csv.Skip(1), line => Assert.Contains(",photo.uploaded,", line));

        var phone = await SignInAsync(session, app, email, 390, 844);
        await phone.GotoAsync("/admin/audit");
        await phone.GetByText("Chain intact · verified").WaitForAsync();
        await phone.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("admin-audit-390.png"), FullPage = true });
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the audit page scrolls sideways at 390 px");

        var clinician = await session.SignedInPageAsync(app);
        await clinician.GotoAsync("/admin/audit");
        Assert.DoesNotContain("/admin/audit", new Uri(clinician.Url).AbsolutePath);
    }

    private static async Task<IPage> SignInAsync(BrowserSession session, TestApp app, string email, int width, int height)
    {
        var page = await session.NewPageAsync(app, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = width < 500,
            HasTouch = width < 500,
        });
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Patients" }).WaitForAsync();
        return page;
    }
}
