using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Auth.AuthTestKit;

namespace ProgressTracker.Web.Tests.Auth;

/// <summary>Server-side refresh tokens: rotation, replay, refusal for locked accounts, revocation at sign-out.</summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class TokenTests(EmbeddedAppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Login_answers_a_short_access_token_and_an_opaque_refresh_token()
    {
        var user = await AddUserAsync(App, Roles.Clinician);
        var tokens = await TokensAsync(App, user.Email!);
        Assert.Equal("Bearer", tokens.GetProperty("tokenType").GetString());
        Assert.Equal(900, tokens.GetProperty("expiresIn").GetInt64());
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("accessToken").GetString()));
        var refresh = tokens.GetProperty("refreshToken").GetString()!;
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.RefreshTokens.SingleAsync(t => t.UserId == user.Id);
        Assert.NotEqual(refresh, row.TokenHash); // only the hash is stored
        Assert.Equal(64, row.TokenHash.Length);
    }

    [Fact]
    public async Task Refresh_rotates_and_a_replayed_token_revokes_the_whole_family()
    {
        var user = await AddUserAsync(App, Roles.Clinician);
        var first = (await TokensAsync(App, user.Email!)).GetProperty("refreshToken").GetString()!;

        var rotated = await RefreshAsync(App, first);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var body = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        var second = body.GetProperty("refreshToken").GetString()!;
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK,
            (await Bearer(App, body.GetProperty("accessToken").GetString()!).GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(App, first)).StatusCode); // replay
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(App, second)).StatusCode); // family revoked

        await App.FlushAuditAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.All(await db.RefreshTokens.Where(t => t.UserId == user.Id).ToListAsync(),
            t => Assert.Equal("replay", t.RevokedReason));
        Assert.Contains(await db.AuditEntries.Where(e => e.ActorId == user.Id).Select(e => e.Action).ToListAsync(),
            a => a == "token.replayed");
    }

    [Fact]
    public async Task A_locked_out_or_deactivated_account_cannot_refresh()
    {
        var locked = await AddUserAsync(App, Roles.Clinician);
        var deactivated = await AddUserAsync(App, Roles.Clinician);
        // The positive control: each account's refresh works before the change.
        var lockedToken = await RotatedAsync((await TokensAsync(App, locked.Email!)).GetProperty("refreshToken").GetString()!);
        var deactivatedToken = await RotatedAsync((await TokensAsync(App, deactivated.Email!)).GetProperty("refreshToken").GetString()!);

        await ChangeUserAsync(App, locked.Id, (users, u) => users.SetLockoutEndDateAsync(u, DateTimeOffset.MaxValue));
        await ChangeUserAsync(App, deactivated.Id, (users, u) =>
        {
            u.DeactivatedAt = DateTimeOffset.UnixEpoch;
            return users.UpdateAsync(u);
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(App, lockedToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(App, deactivatedToken)).StatusCode);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var id in new[] { locked.Id, deactivated.Id })
        {
            var family = await db.RefreshTokens.AsNoTracking().Where(t => t.UserId == id).ToListAsync();
            Assert.Equal(2, family.Count); // the first, spent, and its successor
            Assert.All(family, t => Assert.Equal(RefreshTokens.Reasons.AccountRefused, t.RevokedReason));
        }
    }

    /// <summary>Refreshes once, asserting it works, and returns the successor.</summary>
    private async Task<string> RotatedAsync(string refreshToken)
    {
        var response = await RefreshAsync(App, refreshToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString()!;
    }

    [Fact]
    public async Task Logout_revokes_refresh_tokens_and_the_access_token_stops_working()
    {
        var user = await AddUserAsync(App, Roles.Clinician);
        var tokens = await TokensAsync(App, user.Email!);
        var api = Bearer(App, tokens.GetProperty("accessToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/v1/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized,
            (await RefreshAsync(App, tokens.GetProperty("refreshToken").GetString()!)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Me_says_who_is_signed_in_with_lower_case_roles_and_the_patients_own_record()
    {
        var clinician = await ApiClient.SignInAsync(App);
        var me = await clinician.Http.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(TestApp.ClinicianEmail, me.GetProperty("email").GetString());
        Assert.Equal(["clinician"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, me.GetProperty("patientId").ValueKind);

        var record = (await clinician.CreatePatientAsync()).GetProperty("id").GetString()!;
        var patient = await AddUserAsync(App, Roles.Patient);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Patients.SingleAsync(p => p.Id == Guid.Parse(record))).UserId = patient.Id;
            await db.SaveChangesAsync();
        }
        var mine = await (await ApiClient.SignInAsync(App, patient.Email!)).Http.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(patient.Id.ToString(), mine.GetProperty("id").GetString());
        Assert.Equal(["patient"], mine.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(record, mine.GetProperty("patientId").GetString());
    }
}
