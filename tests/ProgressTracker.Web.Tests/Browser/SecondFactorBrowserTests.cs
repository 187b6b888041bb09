using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Auth.AuthTestKit;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>
/// With a second factor required, a clinician is sent to enrol right after the password and can open nothing else;
/// enrols an authenticator app from the shown key (the test computes the RFC 6238 code), sees recovery codes once,
/// and from then on signs in with password and code.
/// </summary>
[Trait(Tier.Name, Tier.Browser)]
public sealed class SecondFactorBrowserTests
{
    [Fact]
    public async Task A_clinician_enrols_an_authenticator_app_and_signs_in_with_its_code()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded, "All", false, "--Auth:RequireSecondFactor=true");
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(app, new() { ViewportSize = new() { Width = 1440, Height = 1000 } });

        await PasswordAsync(page);
        await page.WaitForURLAsync(new Regex("/account/security"));
        await page.GotoAsync("/patients");
        await page.WaitForURLAsync(new Regex("/account/security"));
        Assert.Equal(1, await page.Locator("svg.qr").CountAsync());
        await BrowserSession.ScreenshotWholePageAsync(page, "security-enrol-1440.png");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserSession.ScreenshotWholePageAsync(page, "security-enrol-390.png");
        await page.SetViewportSizeAsync(1440, 1000);

        var key = await page.GetByTestId("shared-key").InnerTextAsync();
        await page.GetByLabel("Code from the app").FillAsync(Totp(key, TimeProvider.System.GetUtcNow()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify and turn on" }).ClickAsync();
        Assert.Equal(10, await page.Locator(".recovery-codes li").CountAsync());
        await BrowserSession.ScreenshotWholePageAsync(page, "security-recovery-codes-1440.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "I have saved them, continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Patients" }).WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        // Let the sign-out finish: going to /login at once can cancel its navigation and leave the session alive.
        await page.WaitForURLAsync(new Regex("/login"));
        await PasswordAsync(page);
        await page.WaitForURLAsync(new Regex("/login/second-factor"));
        await page.SetViewportSizeAsync(390, 844);
        await BrowserSession.ScreenshotWholePageAsync(page, "second-factor-390.png");
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp(key, TimeProvider.System.GetUtcNow()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Patients" }).WaitForAsync();
    }

    private static async Task PasswordAsync(IPage page)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(TestApp.ClinicianEmail);
        await page.GetByLabel("Password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }
}
