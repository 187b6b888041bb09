using Microsoft.Playwright;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Admin;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>
/// The staff screen in Chromium at desktop and phone widths: invite (the link is shown once), manage an account
/// with a confirmation, and no console errors (nothing refused by the Content-Security-Policy). Screenshots go to
/// artifacts/screenshots/admin-users-*.png.
/// </summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class AdminUsersPageTests(EmbeddedAppFixture fixture)
{
    [Theory]
    [InlineData(1440, false)]
    [InlineData(390, true)]
    public async Task Admin_invites_and_deactivates_from_the_staff_screen(int width, bool phone)
    {
        var app = fixture.App;
        var (adminEmail, _) = await AdminAccounts.CreateAsync(app, Roles.Admin);
        var (staffEmail, staffId) = await AdminAccounts.CreateAsync(app, Roles.Clinician);
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
        await page.GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Staff", Exact = true }).WaitForAsync();

        var invitee = $"new-{width}-{Guid.NewGuid():N}"[..16] + "@clinic.test";
        var inviteForm = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }) });
        await inviteForm.GetByLabel("Email").FillAsync(invitee);
        await inviteForm.GetByLabel("Role").SelectOptionAsync("Marketing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        var link = await page.GetByLabel("Invitation link").InputValueAsync();
        Assert.Matches("/invite/[A-Za-z0-9_-]{43}$", link);
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Copy" }).IsVisibleAsync());
        await page.Locator($"summary[aria-label='Manage {staffEmail}']").ClickAsync(); // a <summary>, not a button role
        await BrowserSession.ScreenshotWholePageAsync(page, $"admin-users-{width}.png");

        // Deactivate needs its confirmation ticked: without it the browser does not submit.
        var panel = page.Locator("details.manage[open]");
        var deactivate = panel.GetByRole(AriaRole.Button, new() { Name = "Deactivate" });
        await deactivate.ClickAsync();
        Assert.True((await AdminAccounts.UserAsync(app, staffId)).IsActive);
        await panel.GetByLabel("Yes, sign this account out everywhere").CheckAsync();
        await deactivate.ClickAsync();
        await page.GetByText("Account deactivated.").WaitForAsync();
        Assert.False((await AdminAccounts.UserAsync(app, staffId)).IsActive);
        Assert.Contains(invitee, await page.Locator(".invitations").InnerTextAsync()); // open invitations list

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_invitation_page_looks_right_on_a_phone()
    {
        var app = fixture.App;
        var (admin, _) = await AdminAccounts.SignedInAsync(app, Roles.Admin);
        var token = AdminAccounts.TokenOf(await AdminAccounts.InvitedAsync(admin, $"phone-{Guid.NewGuid():N}@clinic.test"));
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(app, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        await page.GotoAsync($"/invite/{token}");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Set up your account" }).WaitForAsync();
        await BrowserSession.ScreenshotWholePageAsync(page, "invite-390.png");
        await page.GetByLabel("New password").FillAsync(TestApp.Password);
        await page.GetByLabel("Repeat the password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your account is ready" }).WaitForAsync();
        await page.GotoAsync($"/invite/{token}");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Invitation already used" }).WaitForAsync();
        await BrowserSession.ScreenshotWholePageAsync(page, "invite-used-390.png");
    }
}
