using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Auth.AuthTestKit;

namespace ProgressTracker.Web.Tests.Auth;

/// <summary>With Auth:RequireSecondFactor on, the API gives staff tokens only with an authenticator code.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class SecondFactorApiTests
{
    [Fact]
    public async Task Staff_need_a_second_factor_and_sign_in_with_its_code()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded, "All", false, "--Auth:RequireSecondFactor=true");
        var clinician = await AddUserAsync(app, Roles.Clinician);
        var patient = await AddUserAsync(app, Roles.Patient);

        await AssertSecondFactorRequiredAsync(await ApiLoginAsync(app, clinician.Email!));
        Assert.Equal(HttpStatusCode.OK, (await ApiLoginAsync(app, patient.Email!)).StatusCode);

        var cookie = CookieBrowser.Create(app);
        Assert.Equal(HttpStatusCode.Redirect, (await CookieBrowser.PostLoginAsync(cookie, clinician.Email!)).StatusCode);
        var gated = await cookie.GetAsync("/patients");
        Assert.Equal(HttpStatusCode.Redirect, gated.StatusCode);
        Assert.StartsWith("/account/security", gated.Headers.Location!.OriginalString);
        var problem = await cookie.GetAsync("/api/v1/patients");
        Assert.Equal(HttpStatusCode.Forbidden, problem.StatusCode);
        Assert.EndsWith("second-factor-required",
            (await problem.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());

        var key = "";
        await ChangeUserAsync(app, clinician.Id, async (users, u) =>
        {
            await users.ResetAuthenticatorKeyAsync(u);
            key = (await users.GetAuthenticatorKeyAsync(u))!;
            await users.SetTwoFactorEnabledAsync(u, true);
        });
        await AssertSecondFactorRequiredAsync(await ApiLoginAsync(app, clinician.Email!));
        var wrong = await ApiLoginAsync(app, clinician.Email!, twoFactorCode: "000000");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var code = Totp(key, TimeProvider.System.GetUtcNow());
        var right = await ApiLoginAsync(app, clinician.Email!, twoFactorCode: code);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var token = (await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Bearer(app, token).GetAsync("/api/v1/patients")).StatusCode);
    }

    private static async Task AssertSecondFactorRequiredAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var type = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString();
        Assert.EndsWith("second-factor-required", type);
    }
}
