using System.Net;
using Microsoft.AspNetCore.Identity;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Audit.AuditTrailSupport;
using static ProgressTracker.Web.Tests.Auth.AuthTestKit;

namespace ProgressTracker.Web.Tests.Auth;

/// <summary>
/// A recovery code stands in for the authenticator once, on the second-factor page and on the API; and staff need a
/// second factor by default, unless the demo is on or the setting says otherwise.
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class RecoveryCodeTests(EmbeddedAppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_recovery_code_signs_in_once_on_the_page_and_once_on_the_api()
    {
        var user = await AddUserAsync(App, Roles.Clinician);
        IReadOnlyList<string> codes = [];
        await ChangeUserAsync(App, user.Id, async (users, u) =>
        {
            await users.ResetAuthenticatorKeyAsync(u);
            await users.SetTwoFactorEnabledAsync(u, true);
            codes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(u, 10))!];
        });

        var browser = CookieBrowser.Create(App);
        var signedIn = await SecondStepAsync(browser, user.Email!, codes[0]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/patients", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me")).StatusCode);

        var reused = await SecondStepAsync(CookieBrowser.Create(App), user.Email!, codes[0]);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode); // the form again, with the error
        Assert.Contains("That code is not correct.", await reused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await ApiLoginAsync(App, user.Email!, twoFactorCode: codes[1])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiLoginAsync(App, user.Email!, twoFactorCode: codes[1])).StatusCode);
        await ChangeUserAsync(App, user.Id, async (users, u) => Assert.Equal(8, await users.CountRecoveryCodesAsync(u)));

        var trail = await EntriesAsync(App, q => q.Where(e => e.ActorId == user.Id && e.Action == AuditActions.SignInSucceeded));
        Assert.Single(trail, e => e.Detail == "page: recovery code");
    }

    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "--Demo:Seed=true" }, false)]
    [InlineData(new[] { "--Auth:RequireSecondFactor=false" }, false)]
    [InlineData(new[] { "--Demo:Seed=true", "--Auth:RequireSecondFactor=true" }, true)]
    public async Task Staff_need_a_second_factor_by_default_outside_the_demo(string[] settings, bool required)
    {
        var data = Path.Combine(Path.GetTempPath(), "pt-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var app = await TestApp.BuildOnlyAsync([$"--App:DataDirectory={data}", .. settings]);
            Assert.Equal(required, app.Services.GetRequiredService<AuthOptions>().SecondFactorRequired);
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Password on the login page, then the recovery code on the second-factor page.</summary>
    private static async Task<HttpResponseMessage> SecondStepAsync(HttpClient browser, string email, string recoveryCode)
    {
        var login = await CookieBrowser.PostLoginAsync(browser, email);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/login/second-factor", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var token = await CookieBrowser.FormTokenAsync(browser, login.Headers.Location!.OriginalString);
        return await browser.PostAsync("/login/second-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["recoveryCode"] = recoveryCode, ["returnUrl"] = "/patients", ["__RequestVerificationToken"] = token,
        }));
    }
}
