using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Features.Auth;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Browser;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Auth.AuthTestKit;

namespace ProgressTracker.Web.Tests.Auth;

/// <summary>
/// Passkeys in Chromium with a CDP virtual authenticator (a platform authenticator that verifies its user): a clinician
/// enrols one on the security page, and it then signs in alone, counts as the required second factor, and stops
/// the password alone from signing in; once removed, it is refused with a clear message. The site is opened as
/// http://localhost:port, because WebAuthn refuses an IP address as the relying party.
/// </summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class PasskeyBrowserTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task A_clinician_enrols_a_passkey_and_then_signs_in_with_it_alone()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded, "All", false, "--Auth:RequireSecondFactor=true");
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(app, new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        var site = Localhost(app);
        await AddVirtualAuthenticatorAsync(page);

        // Staff without a second factor are held on the security page; a passkey is enough to go on.
        await PasswordAsync(page, site, TestApp.ClinicianEmail);
        await page.WaitForURLAsync(new Regex("/account/security"));
        await AddPasskeyAsync(page, "Work laptop");
        var listed = page.GetByRole(AriaRole.List, new() { Name = "Your passkeys" }).GetByRole(AriaRole.Listitem);
        Assert.Equal(1, await listed.CountAsync());
        Assert.Contains("Work laptop", await listed.InnerTextAsync());
        Assert.Matches(@"Added \d{1,2} \w{3} \d{4}", await listed.InnerTextAsync());
        await BrowserSession.ScreenshotWholePageAsync(page, "security-passkey-1440.png");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserSession.ScreenshotWholePageAsync(page, "security-passkey-390.png");
        await page.SetViewportSizeAsync(1440, 1000);
        await page.GotoAsync(site + "patients");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Patients" }).WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/login"));
        // The passkey is this account's only second factor: the password alone no longer signs it in.
        await PasswordAsync(page, site, TestApp.ClinicianEmail);
        Assert.Equal(LoginModel.PasskeyRequired, await page.GetByRole(AriaRole.Alert).InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Patients" }).WaitForAsync();
        Assert.EndsWith("/patients", page.Url);

        await app.FlushAuditAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clinician = await db.Users.SingleAsync(u => u.Email == TestApp.ClinicianEmail);
        Assert.NotNull(clinician.LastSignInAt);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ActorId == clinician.Id
            && e.Action == AuditActions.SignInSucceeded && e.Detail == "page: passkey"));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ActorId == clinician.Id && e.Action == AuditActions.PasskeyAdded));
    }

    [Fact]
    public async Task A_removed_passkey_no_longer_signs_in_and_the_page_says_why()
    {
        var app = fixture.App;
        var user = await AddUserAsync(app, Roles.Clinician);
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(app);
        var site = Localhost(app);
        await AddVirtualAuthenticatorAsync(page);

        await PasswordAsync(page, site, user.Email!);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Patients" }).WaitForAsync();
        await page.GotoAsync(site + "account/security");
        await AddPasskeyAsync(page, "Phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove passkey Phone" }).ClickAsync();
        await page.GetByText("Passkey \u201cPhone\u201d removed.").WaitForAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.List, new() { Name = "Your passkeys" }).CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/login"));
        // The device still holds the passkey and offers it; the server no longer knows it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        Assert.Equal(LoginModel.PasskeyNotAccepted, await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.EndsWith("/login?handler=Passkey", page.Url);
        await page.SetViewportSizeAsync(390, 844);
        await BrowserSession.ScreenshotWholePageAsync(page, "login-passkey-refused-390.png");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync());
    }

    /// <summary>The app's address by name: browsers refuse WebAuthn for a site opened by IP address.</summary>
    private static string Localhost(TestApp app) => new UriBuilder(app.BaseAddress) { Host = "localhost", Path = "/" }.ToString();

    /// <summary>A platform authenticator that holds discoverable credentials and verifies its user without a prompt.</summary>
    private static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }

    private static async Task AddPasskeyAsync(IPage page, string name)
    {
        await page.GetByLabel("Name for the new passkey").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("handler=AddPasskey"));
        var alerts = string.Join(" | ", await page.Locator(".alert").AllInnerTextsAsync());
        Assert.Contains($"Passkey \u201c{name}\u201d added.", alerts, StringComparison.Ordinal);
    }

    private static async Task PasswordAsync(IPage page, string site, string email)
    {
        await page.GotoAsync(site + "login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }
}
