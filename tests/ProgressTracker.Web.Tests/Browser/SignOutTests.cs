using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Auth.AuthTestKit;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>Sign out in Chromium ends the session on the server: even a copy of the old cookie opens nothing.</summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class SignOutTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Sign_out_ends_the_session_and_the_old_cookie_no_longer_opens_patients()
    {
        var app = fixture.App;
        var user = await AddUserAsync(app, Roles.Clinician);
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(app);
        await SignInAsync(page, user.Email!);
        var cookies = await page.Context.CookiesAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true }).WaitForAsync();
        await page.GotoAsync("/patients");
        await page.WaitForURLAsync(new Regex("/login"));

        // A copy of the cookie taken before signing out, replayed from another browser.
        var copy = await session.NewPageAsync(app);
        await copy.Context.AddCookiesAsync(cookies.Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly,
            Secure = c.Secure, SameSite = c.SameSite,
        }));
        await copy.GotoAsync("/patients");
        await copy.WaitForURLAsync(new Regex("/login"));
        Assert.Equal(0, await copy.GetByRole(AriaRole.Heading, new() { Name = "Patients" }).CountAsync());
    }

    internal static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Patients" }).WaitForAsync();
    }
}
