using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Auth.AuthTestKit;

namespace ProgressTracker.Web.Tests.Auth;

/// <summary>
/// Sessions end: after 30 idle minutes, at the absolute cap however active, and within 30 s once the account is
/// deactivated, locked out or its security stamp changes — for cookies and bearer tokens alike. The app runs on a
/// FakeTimeProvider so the test moves time instead of waiting.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class SessionTests
{
    private static async Task<(TestApp App, FakeTimeProvider Clock)> StartAsync(params string[] settings)
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var app = await TestApp.StartAsync(StorageMode.Embedded, s => s.AddSingleton<TimeProvider>(clock),
            extraSettings: settings);
        return (app, clock);
    }

    [Fact]
    public async Task Deactivated_or_locked_out_accounts_lose_cookie_and_token_within_30_seconds()
    {
        var (app, clock) = await StartAsync();
        await using var _ = app;
        foreach (var change in new Func<Microsoft.AspNetCore.Identity.UserManager<AppUser>, AppUser, Task>[]
                 {
                     async (users, u) =>
                     {
                         u.DeactivatedAt = clock.GetUtcNow();
                         await users.UpdateAsync(u);
                         await users.UpdateSecurityStampAsync(u);
                     },
                     (users, u) => users.SetLockoutEndDateAsync(u, clock.GetUtcNow().AddHours(1)),
                 })
        {
            var user = await AddUserAsync(app, Roles.Clinician);
            var cookie = CookieBrowser.Create(app);
            Assert.Equal(HttpStatusCode.Redirect, (await CookieBrowser.PostLoginAsync(cookie, user.Email!)).StatusCode);
            var bearer = Bearer(app, (await TokensAsync(app, user.Email!)).GetProperty("accessToken").GetString()!);
            Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/v1/me")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/me")).StatusCode);

            await ChangeUserAsync(app, user.Id, change);
            clock.Advance(TimeSpan.FromSeconds(31));

            Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/me")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/me")).StatusCode);
        }
    }

    /// <summary>
    /// The admin action itself, end to end: an admin deactivates through the API, and once the account-check interval
    /// (30 s) has passed the account's cookie, bearer token and refresh token, all working before, are refused.
    /// </summary>
    [Fact]
    public async Task An_admin_deactivation_ends_the_accounts_cookie_bearer_and_refresh_token_within_30_seconds()
    {
        var (app, clock) = await StartAsync();
        await using var _ = app;
        var admin = await ApiClient.SignInAsync(app, (await AddUserAsync(app, Roles.Admin)).Email!);
        var user = await AddUserAsync(app, Roles.Clinician);
        var cookie = await CookieBrowser.SignedInAsync(app, user.Email!);
        var tokens = await TokensAsync(app, user.Email!);
        var bearer = Bearer(app, tokens.GetProperty("accessToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/me")).StatusCode);
        var rotated = await RefreshAsync(app, tokens.GetProperty("refreshToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode); // refresh works before
        var refreshToken = (await rotated.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>())
            .GetProperty("refreshToken").GetString()!;

        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.Http.PostAsync($"/api/v1/admin/users/{user.Id}/deactivate", null)).StatusCode);
        clock.Advance(app.Services.GetRequiredService<AuthOptions>().AccountCheckInterval);
        Assert.True(app.Services.GetRequiredService<AuthOptions>().AccountCheckInterval <= TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cookie.GetAsync("/patients")).StatusCode); // to the login page
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(app, refreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/api/v1/admin/users")).StatusCode); // others go on
    }

    [Fact]
    public async Task A_cookie_ends_after_30_idle_minutes_and_at_the_absolute_cap_however_active()
    {
        var (app, clock) = await StartAsync("--Auth:SessionLifetime=01:00:00");
        await using var _ = app;
        var user = await AddUserAsync(app, Roles.Clinician);

        var idle = CookieBrowser.Create(app);
        await CookieBrowser.PostLoginAsync(idle, user.Email!);
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await idle.GetAsync("/api/v1/me")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await idle.GetAsync("/api/v1/me")).StatusCode);

        var busy = CookieBrowser.Create(app);
        await CookieBrowser.PostLoginAsync(busy, user.Email!);
        foreach (var minutes in new[] { 20, 20, 15 }) // active at 20, 40 and 55 minutes after sign-in
        {
            clock.Advance(TimeSpan.FromMinutes(minutes));
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/me")).StatusCode);
        }
        clock.Advance(TimeSpan.FromMinutes(10)); // 65 minutes after sign-in, last request 10 minutes ago
        Assert.Equal(HttpStatusCode.Unauthorized, (await busy.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Access_tokens_last_15_minutes()
    {
        var (app, clock) = await StartAsync();
        await using var _ = app;
        var user = await AddUserAsync(app, Roles.Clinician);
        var bearer = Bearer(app, (await TokensAsync(app, user.Email!)).GetProperty("accessToken").GetString()!);
        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/me")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/me")).StatusCode);
    }
}
