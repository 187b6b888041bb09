using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Auth.AuthTestKit;

namespace ProgressTracker.Web.Tests.Auth;

/// <summary>Login (page and API), refresh, invitation acceptance (page and API) and upload are limited per client address, archives per account: 429 with
/// Retry-After.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class RateLimitTests
{
    [Fact]
    public async Task Over_the_limit_answers_429_with_retry_after()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded, "All", false,
            "--RateLimits:Login:PermitLimit=3", "--RateLimits:Refresh:PermitLimit=1", "--RateLimits:Upload:PermitLimit=1");
        var api = await ApiClient.SignInAsync(app); // 1 of 3
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiLoginAsync(app, "x@auth.test", "Wrong-password-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/login")).StatusCode); // reading the page is free
        Assert.Equal(HttpStatusCode.OK, (await CookieBrowser.PostLoginAsync(CookieBrowser.Create(app), "x@auth.test", "Wrong-password-1")).StatusCode);

        await AssertLimitedAsync(await ApiLoginAsync(app, TestApp.ClinicianEmail), api: true);
        await AssertLimitedAsync(await CookieBrowser.PostLoginAsync(CookieBrowser.Create(app), TestApp.ClinicianEmail), api: false);

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(app, "not-a-token")).StatusCode);
        await AssertLimitedAsync(await RefreshAsync(app, "not-a-token"), api: true);

        var visit = Guid.NewGuid().ToString();
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await api.UploadAsync(visit, TestImages.Jpeg())).StatusCode);
        await AssertLimitedAsync(await api.UploadAsync(visit, TestImages.Jpeg()), api: true);
    }

    [Fact]
    public async Task Archives_are_limited_per_patient_account_not_per_address()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded, "All", false,
            "--RateLimits:Archive:PermitLimit=1");
        var staff = await ApiClient.SignInAsync(app);
        var first = await PatientAccounts.SignedInAsync(app, (await staff.CreatePatientAsync()).GetProperty("id").GetString()!);
        var second = await PatientAccounts.SignedInAsync(app, (await staff.CreatePatientAsync()).GetProperty("id").GetString()!);

        Assert.Equal(HttpStatusCode.Accepted, (await first.Http.PostAsync("/api/v1/me/archive", null)).StatusCode);
        await AssertLimitedAsync(await first.Http.PostAsync("/api/v1/me/archive", null), api: true);
        // Same address, another account: its own allowance.
        Assert.Equal(HttpStatusCode.Accepted, (await second.Http.PostAsync("/api/v1/me/archive", null)).StatusCode);
    }

    [Fact]
    public async Task Invitation_acceptance_is_limited_on_the_api_and_the_page_with_one_allowance()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded, "All", false,
            "--RateLimits:Invitation:PermitLimit=2");
        var (admin, _) = await Admin.AdminAccounts.SignedInAsync(app, Infrastructure.Identity.Roles.Admin);
        var email = $"invited-{Guid.NewGuid():N}@clinic.test";
        var token = Admin.AdminAccounts.TokenOf(await Admin.AdminAccounts.InvitedAsync(admin, email));
        var guess = new string('A', 43);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Admin.AdminAccounts.AcceptAsync(app, guess)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Admin.AdminAccounts.AcceptAsync(app, guess + "B")).StatusCode);
        await AssertLimitedAsync(await Admin.AdminAccounts.AcceptAsync(app, token), api: true);

        // The page reads freely, but its form shares the address's allowance.
        var browser = CookieBrowser.Create(app);
        var form = await CookieBrowser.FormTokenAsync(browser, $"/invite/{token}");
        await AssertLimitedAsync(await browser.PostAsync($"/invite/{token}", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["password"] = TestApp.Password, ["confirm"] = TestApp.Password, ["__RequestVerificationToken"] = form,
            })), api: false);
        Assert.Equal(0, await Admin.AdminAccounts.AccountCountAsync(app, email)); // nothing was created
    }

    private static async Task AssertLimitedAsync(HttpResponseMessage response, bool api)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(),
            System.Globalization.CultureInfo.InvariantCulture) >= 1);
        if (!api) return;
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }
}
