using Microsoft.Playwright;
using ProgressTracker.Web.Features.Portal;
using ProgressTracker.Web.Tests.Browser;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Portal;

/// <summary>
/// The staff portal access page in Chromium at desktop and phone widths: from the patient page to the invitation
/// (link, QR code, why no e-mail went out), a deletion request's decision form, then the active account with its
/// revoke confirmation; nothing wider than the screen and no console errors (nothing refused by the CSP).
/// Screenshots: artifacts/screenshots/portal-access-*.png.
/// </summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class PortalAccessPageTests(EmbeddedAppFixture fixture)
{
    [Theory]
    [InlineData(1440, false)]
    [InlineData(390, true)]
    public async Task Staff_invite_from_the_patient_page_and_see_the_link_qr_code_and_access(int width, bool phone)
    {
        var app = fixture.App;
        var clinician = await ApiClient.SignInAsync(app);
        var patientId = await PortalInvites.NewPatientAsync(clinician);
        await AddDeletionRequestAsync(app, patientId);
        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app, width, 900, phone);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync($"/patients/{patientId}");
        Assert.Equal("No portal access", await page.Locator(".portal-line .access-state").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath($"portal-line-{width}.png") });
        await page.GetByRole(AriaRole.Link, new() { Name = "Invite to the portal" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Portal access" }).WaitForAsync();

        var email = PortalInvites.NewEmail();
        await page.GetByLabel("Patient's e-mail address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite to the portal" }).ClickAsync();
        var link = await page.GetByLabel("Invitation link").InputValueAsync();
        Assert.Matches("/invite/[A-Za-z0-9_-]{43}$", link);
        Assert.True(await page.GetByRole(AriaRole.Img, new() { Name = "QR code for the patient to scan" }).IsVisibleAsync());
        Assert.Contains("not set up", await page.Locator(".mail-not-sent").InnerTextAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Copy" }).IsVisibleAsync());
        Assert.True(await page.GetByLabel("Reason").IsVisibleAsync()); // the open deletion request's decision form
        await AssertFitsAsync(page, width);
        await BrowserSession.ScreenshotWholePageAsync(page, $"portal-access-invited-{width}.png");

        Assert.Equal(System.Net.HttpStatusCode.OK,
            (await PortalInvites.AcceptAsync(app, PortalInvites.TokenOf(link))).StatusCode);
        await page.GotoAsync($"/patients/{patientId}/portal");
        Assert.Equal("Portal access active", await page.Locator(".access-head .access-state").InnerTextAsync());
        Assert.Contains(email, await page.Locator(".facts-list").InnerTextAsync());
        await AssertFitsAsync(page, width);
        await BrowserSession.ScreenshotWholePageAsync(page, $"portal-access-active-{width}.png");
        var revoke = page.GetByRole(AriaRole.Button, new() { Name = "Revoke portal access" });
        await revoke.ClickAsync(); // the confirmation box is required: nothing is submitted
        Assert.True(await revoke.IsVisibleAsync());
        await page.GetByLabel("Yes, sign the patient out everywhere").CheckAsync();
        await revoke.ClickAsync();
        await page.GetByText("Portal access revoked.").WaitForAsync();
        Assert.Equal("Portal access revoked", await page.Locator(".access-head .access-state").InnerTextAsync());

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static async Task AssertFitsAsync(IPage page, int width) =>
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width,
            "the page is wider than the screen");

    private static async Task AddDeletionRequestAsync(TestApp app, string patientId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeletionRequests>().RequestAsync(Guid.Parse(patientId),
            Guid.NewGuid(), "Please delete my account, I have moved to another city.", default);
    }
}
