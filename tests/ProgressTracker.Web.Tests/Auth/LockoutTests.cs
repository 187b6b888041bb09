using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Audit.AuditTrailSupport;
using static ProgressTracker.Web.Tests.Auth.AuthTestKit;

namespace ProgressTracker.Web.Tests.Auth;

/// <summary>
/// The lockout driven for real: eight wrong passwords lock the account; the eighth answer and every answer while
/// locked (even to the right password) are the wrong-password answer; the refresh token that worked before is refused
/// and its family revoked.
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed partial class LockoutTests(EmbeddedAppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Eight_wrong_passwords_lock_the_account_with_the_wrong_password_answer_and_refresh_stops()
    {
        var user = await AddUserAsync(App, Roles.Clinician);
        var first = (await TokensAsync(App, user.Email!)).GetProperty("refreshToken").GetString()!;
        var rotated = await RefreshAsync(App, first);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode); // the positive control: refresh works before the lockout
        var refreshToken = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString()!;

        var answers = new List<string>();
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            Assert.False(await LockedOutAsync(user.Id), $"locked before attempt {attempt}");
            var response = await ApiLoginAsync(App, user.Email!, $"Wrong-password-{attempt:00}");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            answers.Add(await BodyAsync(response));
        }
        Assert.True(await LockedOutAsync(user.Id));
        var right = await ApiLoginAsync(App, user.Email!); // the right password, while locked
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        answers.Add(await BodyAsync(right));
        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.DoesNotContain("lock", answers[0], StringComparison.OrdinalIgnoreCase);

        // The page: a locked account's right password gets the wrong password's words.
        var locked = await AlertAsync(await CookieBrowser.PostLoginAsync(CookieBrowser.Create(App), user.Email!));
        var other = await AddUserAsync(App, Roles.Clinician);
        var wrong = await AlertAsync(await CookieBrowser.PostLoginAsync(CookieBrowser.Create(App), other.Email!, "Wrong-password-1"));
        Assert.Equal(wrong, locked);

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(App, refreshToken)).StatusCode);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var family = await scope.ServiceProvider.GetRequiredService<AppDbContext>().RefreshTokens.AsNoTracking()
                .Where(t => t.UserId == user.Id).ToListAsync();
            Assert.Equal(2, family.Count);
            Assert.All(family, t => Assert.Equal(RefreshTokens.Reasons.AccountRefused, t.RevokedReason));
        }

        var trail = await EntriesAsync(App, q => q.Where(e => e.ActorId == user.Id));
        Assert.Equal(7, trail.Count(e => e.Action == AuditActions.SignInFailed));
        Assert.Equal(3, trail.Count(e => e.Action == AuditActions.SignInLocked)); // the eighth, the API and the page
    }

    /// <summary>The right password with a wrong authenticator code, eight times, locks the account as well.</summary>
    [Fact]
    public async Task Eight_wrong_second_factor_codes_lock_the_account_too()
    {
        var user = await AddUserAsync(App, Roles.Clinician);
        var key = "";
        await ChangeUserAsync(App, user.Id, async (users, u) =>
        {
            await users.ResetAuthenticatorKeyAsync(u);
            await users.SetTwoFactorEnabledAsync(u, true);
            key = (await users.GetAuthenticatorKeyAsync(u))!;
        });
        var right = Totp(key, TimeProvider.System.GetUtcNow());
        var wrongCode = right == "000000" ? "111111" : "000000";

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            Assert.False(await LockedOutAsync(user.Id), $"locked before attempt {attempt}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await ApiLoginAsync(App, user.Email!, twoFactorCode: wrongCode)).StatusCode);
        }
        Assert.True(await LockedOutAsync(user.Id));
        var locked = await ApiLoginAsync(App, user.Email!, twoFactorCode: Totp(key, TimeProvider.System.GetUtcNow()));
        var unknown = await ApiLoginAsync(App, $"nobody-{Guid.NewGuid():N}@auth.test");
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(await BodyAsync(unknown), await BodyAsync(locked));
    }

    private async Task<bool> LockedOutAsync(Guid id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.IsLockedOutAsync((await users.FindByIdAsync(id.ToString()))!);
    }

    /// <summary>The problem body, without its per-request trace id.</summary>
    private static async Task<string> BodyAsync(HttpResponseMessage response) =>
        TraceId().Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"\"");

    private static async Task<string> AlertAsync(HttpResponseMessage page)
    {
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var alert = html[html.IndexOf("role=\"alert\"", StringComparison.Ordinal)..];
        return alert[..alert.IndexOf("</p>", StringComparison.Ordinal)];
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
