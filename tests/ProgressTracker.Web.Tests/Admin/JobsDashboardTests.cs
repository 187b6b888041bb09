using System.Net;
using System.Text.RegularExpressions;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Admin;

/// <summary>The Hangfire dashboard at /admin/jobs: admins only, and read-only unless the setting allows changes.</summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed partial class JobsDashboardTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Anonymous_and_clinician_never_see_the_dashboard()
    {
        var app = fixture.App;
        using var anonymous = app.CreateClient();
        var signIn = await anonymous.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/login", signIn.Headers.Location!.PathAndQuery);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/admin/jobs/stats")).StatusCode);

        using var clinician = await CookieBrowser.SignedInAsync(app, TestApp.ClinicianEmail);
        foreach (var path in new[] { "/admin/jobs", "/admin/jobs/jobs/enqueued", "/admin/jobs/servers" })
        {
            var response = await clinician.GetAsync(path);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("Hangfire", await response.Content.ReadAsStringAsync());
        }
        var bearer = await ApiClient.SignInAsync(app); // a token is not the page cookie
        Assert.NotEqual(HttpStatusCode.OK, (await bearer.Http.GetAsync("/admin/jobs")).StatusCode);
    }

    [Fact]
    public async Task Admin_sees_the_dashboard_read_only()
    {
        var app = fixture.App;
        var (email, _) = await AdminAccounts.CreateAsync(app, Roles.Admin);
        using var admin = await CookieBrowser.SignedInAsync(app, email);
        Assert.Equal(HttpStatusCode.Unauthorized, await DeleteAJobAsync(admin));
    }

    /// <summary>A dashboard command with a valid antiforgery token: read-only answers 401, writable 204.</summary>
    internal static async Task<HttpStatusCode> DeleteAJobAsync(HttpClient admin)
    {
        var page = await admin.GetAsync("/admin/jobs/jobs/enqueued");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("ProgressTracker jobs", html);
        using var command = new HttpRequestMessage(HttpMethod.Post, "/admin/jobs/jobs/enqueued/delete")
        {
            // A numeric id: the SQLite job storage (decision 0028) parses ids as integers and fails on anything else.
            Content = new FormUrlEncodedContent([new("jobs[]", "2147483000")]),
        };
        var header = AntiforgeryHeader().Match(html);
        var token = AntiforgeryToken().Match(html);
        Assert.True(header.Success && token.Success, "The dashboard renders no antiforgery token.");
        command.Headers.Add(WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));
        return (await admin.SendAsync(command)).StatusCode;
    }

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
