using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Admin;

/// <summary>
/// An admin's changes to an account: each one that takes access away changes the security stamp and revokes the
/// account's refresh tokens (that cookies and tokens then fail within 30 s is the auth feature's test).
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class AccountChangesTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task A_role_change_gives_the_new_roles_access_and_revokes_refresh_tokens()
    {
        var app = fixture.App;
        var (admin, _) = await AdminAccounts.SignedInAsync(app, Roles.Admin);
        var (email, id) = await AdminAccounts.CreateAsync(app, Roles.Clinician);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ApiClient.SignInAsync(app, email)).Http.GetAsync("/api/v1/admin/users")).StatusCode);
        await AdminAccounts.AddRefreshTokensAsync(app, id, 2);
        var stamp = (await AdminAccounts.UserAsync(app, id)).SecurityStamp;

        var changed = await admin.Http.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles", new { roles = new[] { "admin" } });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.NotEqual(stamp, (await AdminAccounts.UserAsync(app, id)).SecurityStamp);
        Assert.All(await AdminAccounts.RefreshTokensAsync(app, id), t =>
        {
            Assert.NotNull(t.RevokedAt);
            Assert.Equal("role-changed", t.RevokedReason);
        });
        var promoted = await ApiClient.SignInAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await promoted.Http.GetAsync("/api/v1/admin/users")).StatusCode);
        var list = await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/users");
        Assert.Equal(["admin"], list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id)
            .GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Deactivate_sets_the_state_revokes_refresh_tokens_and_reactivate_undoes_it()
    {
        var app = fixture.App;
        var (admin, _) = await AdminAccounts.SignedInAsync(app, Roles.Admin);
        var (_, id) = await AdminAccounts.CreateAsync(app, Roles.Clinician);
        var (_, bystander) = await AdminAccounts.CreateAsync(app, Roles.Clinician);
        await AdminAccounts.AddRefreshTokensAsync(app, id, 3);
        await AdminAccounts.AddRefreshTokensAsync(app, bystander, 1);
        var stamp = (await AdminAccounts.UserAsync(app, id)).SecurityStamp;

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PostAsync($"/api/v1/admin/users/{id}/deactivate", null)).StatusCode);

        var user = await AdminAccounts.UserAsync(app, id);
        Assert.False(user.IsActive);
        Assert.NotEqual(stamp, user.SecurityStamp);
        var tokens = await AdminAccounts.RefreshTokensAsync(app, id);
        Assert.Equal(3, tokens.Count);
        Assert.All(tokens, t => Assert.Equal("deactivated", t.RevokedReason));
        Assert.Null(Assert.Single(await AdminAccounts.RefreshTokensAsync(app, bystander)).RevokedAt);
        Assert.False(await ActiveInListAsync(admin, id));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PostAsync($"/api/v1/admin/users/{id}/reactivate", null)).StatusCode);
        Assert.True((await AdminAccounts.UserAsync(app, id)).IsActive);
        Assert.True(await ActiveInListAsync(admin, id));
    }

    [Fact]
    public async Task An_admin_cannot_demote_or_deactivate_themself_and_bad_ids_are_problems()
    {
        var app = fixture.App;
        var (admin, me) = await AdminAccounts.SignedInAsync(app, Roles.Admin);
        Assert.Equal(HttpStatusCode.Conflict,
            (await admin.Http.PutAsJsonAsync($"/api/v1/admin/users/{me}/roles", new { roles = new[] { "clinician" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Http.PostAsync($"/api/v1/admin/users/{me}/deactivate", null)).StatusCode);
        Assert.True((await AdminAccounts.UserAsync(app, me)).IsActive);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.PostAsync($"/api/v1/admin/users/{Guid.NewGuid()}/deactivate", null)).StatusCode);
        var bad = await admin.Http.PostAsync("/api/v1/admin/users/nope/second-factor/reset", null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var (_, other) = await AdminAccounts.CreateAsync(app, Roles.Clinician);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.Http.PutAsJsonAsync($"/api/v1/admin/users/{other}/roles", new { roles = new[] { "wizard" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.Http.PutAsJsonAsync($"/api/v1/admin/users/{other}/roles", new { roles = Array.Empty<string>() })).StatusCode);
    }

    [Fact]
    public async Task Resetting_the_second_factor_clears_it_and_the_recovery_codes()
    {
        var app = fixture.App;
        var (admin, _) = await AdminAccounts.SignedInAsync(app, Roles.Admin);
        var (_, id) = await AdminAccounts.CreateAsync(app, Roles.Clinician);
        string? oldKey;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
            oldKey = await users.GetAuthenticatorKeyAsync(user);
        }
        var before = await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/users");
        Assert.True(Find(before, id).GetProperty("secondFactor").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.Http.PostAsync($"/api/v1/admin/users/{id}/second-factor/reset", null)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            Assert.False(user.TwoFactorEnabled);
            Assert.NotEqual(oldKey, await users.GetAuthenticatorKeyAsync(user));
            Assert.Equal(0, await users.CountRecoveryCodesAsync(user));
        }
        var after = await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/users");
        Assert.False(Find(after, id).GetProperty("secondFactor").GetBoolean());
    }

    private static JsonElement Find(JsonElement list, Guid id) =>
        list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);

    private static async Task<bool> ActiveInListAsync(ApiClient admin, Guid id) =>
        Find(await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/users"), id).GetProperty("active").GetBoolean();
}
