using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Audit.AuditTrailSupport;
using static ProgressTracker.Web.Tests.Auth.AuthTestKit;

namespace ProgressTracker.Web.Tests.Auth;

/// <summary>
/// A signed-in person changes their own password on /account/security: the current password is required, the policy
/// applies, every other session and refresh token of the account ends, this session continues, and the trail says so.
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class PasswordChangeTests(EmbeddedAppFixture fixture)
{
    private const string NewPassword = "Battery-Staple-9876";
    private TestApp App => fixture.App;

    [Theory]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.Patient)]
    public async Task Changing_the_password_ends_other_sessions_and_refresh_tokens_and_keeps_this_one(string role)
    {
        var user = await AddUserAsync(App, role);
        var browser = await CookieBrowser.SignedInAsync(App, user.Email!);
        var otherBrowser = await CookieBrowser.SignedInAsync(App, user.Email!);
        var tokens = await TokensAsync(App, user.Email!);
        var bearer = Bearer(App, tokens.GetProperty("accessToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await otherBrowser.GetAsync("/api/v1/me")).StatusCode);

        var wrong = await ChangeAsync(browser, "Not-my-password-1", NewPassword);
        Assert.Contains("Your current password is not correct.", wrong);
        var tooShort = await ChangeAsync(browser, TestApp.Password, "Short-pw-1");
        Assert.Contains("at least 12 characters", tooShort);
        Assert.Contains("not the same", await ChangeAsync(browser, TestApp.Password, NewPassword, NewPassword + "x"));
        Assert.Equal(HttpStatusCode.OK, (await otherBrowser.GetAsync("/api/v1/me")).StatusCode); // nothing changed yet
        Assert.Equal(HttpStatusCode.OK, (await ApiLoginAsync(App, user.Email!)).StatusCode);

        Assert.Contains("Your password has been changed.", await ChangeAsync(browser, TestApp.Password, NewPassword));

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me")).StatusCode); // this session continues
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherBrowser.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await RefreshAsync(App, tokens.GetProperty("refreshToken").GetString()!)).StatusCode);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().RefreshTokens.AsNoTracking()
                .Where(t => t.UserId == user.Id).ToListAsync();
            Assert.Equal(2, rows.Count); // the two API sign-ins above
            Assert.All(rows, t => Assert.Equal(RefreshTokens.Reasons.PasswordChanged, t.RevokedReason));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiLoginAsync(App, user.Email!)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiLoginAsync(App, user.Email!, NewPassword)).StatusCode);

        var entries = await EntriesAsync(App, q => q.Where(e => e.ActorId == user.Id && e.Action == AuditActions.PasswordChanged));
        Assert.Single(entries, e => e.Outcome == AuditOutcome.Ok);
        Assert.Single(entries, e => e.Outcome == AuditOutcome.Denied && e.Detail == "current password not correct");
        Assert.DoesNotContain(entries, e => (e.Detail ?? "").Contains(NewPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signed_out_the_password_form_sends_to_the_login_page()
    {
        var anonymous = CookieBrowser.Create(App);
        var token = await CookieBrowser.FormTokenAsync(anonymous, "/login");
        var response = await anonymous.PostAsync("/account/security?handler=Password", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["currentPassword"] = TestApp.Password, ["newPassword"] = NewPassword, ["confirmPassword"] = NewPassword,
                ["__RequestVerificationToken"] = token,
            }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", new Uri(App.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    private static async Task<string> ChangeAsync(HttpClient browser, string current, string next, string? confirm = null)
    {
        var token = await CookieBrowser.FormTokenAsync(browser, "/account/security");
        var response = await browser.PostAsync("/account/security?handler=Password", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["currentPassword"] = current, ["newPassword"] = next, ["confirmPassword"] = confirm ?? next,
                ["__RequestVerificationToken"] = token,
            }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
