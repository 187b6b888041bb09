using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Admin;

/// <summary>Only admins reach staff administration: every other role and anonymous callers are refused everywhere.</summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class AdminAccessTests(EmbeddedAppFixture fixture)
{
    private static readonly (HttpMethod Method, string Path)[] Routes =
    [
        (HttpMethod.Get, "/api/v1/admin/users"),
        (HttpMethod.Get, "/api/v1/admin/invitations"),
        (HttpMethod.Post, "/api/v1/admin/invitations"),
        (HttpMethod.Delete, $"/api/v1/admin/invitations/{Guid.NewGuid()}"),
        (HttpMethod.Put, $"/api/v1/admin/users/{Guid.NewGuid()}/roles"),
        (HttpMethod.Post, $"/api/v1/admin/users/{Guid.NewGuid()}/deactivate"),
        (HttpMethod.Post, $"/api/v1/admin/users/{Guid.NewGuid()}/reactivate"),
        (HttpMethod.Post, $"/api/v1/admin/users/{Guid.NewGuid()}/second-factor/reset"),
    ];

    [Fact]
    public async Task Clinician_patient_marketing_and_anonymous_are_refused_on_every_admin_route()
    {
        var app = fixture.App;
        var callers = new List<(string Who, HttpClient Http, HttpStatusCode Expected)>
        {
            ("anonymous", app.CreateClient(), HttpStatusCode.Unauthorized),
            ("clinician", (await ApiClient.SignInAsync(app)).Http, HttpStatusCode.Forbidden),
        };
        foreach (var role in new[] { Roles.Patient, Roles.Marketing })
            callers.Add((role, (await AdminAccounts.SignedInAsync(app, role)).Api.Http, HttpStatusCode.Forbidden));

        var failures = new List<string>();
        foreach (var (who, http, expected) in callers)
        foreach (var (method, path) in Routes)
        {
            using var request = new HttpRequestMessage(method, path)
            {
                Content = JsonContent.Create(new { email = "x@clinic.test", role = "admin", roles = new[] { "admin" } }),
            };
            var response = await http.SendAsync(request);
            if (response.StatusCode != expected) failures.Add($"{who} {method} {path}: {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Admin_lists_every_account_with_lower_case_roles_and_its_state()
    {
        var app = fixture.App;
        var (admin, adminId) = await AdminAccounts.SignedInAsync(app, Roles.Admin);
        var list = await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/users");

        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count, list.GetProperty("total").GetInt32());
        var me = items.Single(i => i.GetProperty("id").GetGuid() == adminId);
        Assert.Equal(["admin"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(me.GetProperty("active").GetBoolean());
        Assert.False(me.GetProperty("secondFactor").GetBoolean());
        Assert.True(me.TryGetProperty("lastSignInAt", out _));
        var clinician = items.Single(i => i.GetProperty("email").GetString() == TestApp.ClinicianEmail);
        Assert.Equal(["clinician"], clinician.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Admin_pages_are_for_admins_only()
    {
        var app = fixture.App;
        using var anonymous = app.CreateClient();
        var signIn = await anonymous.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/login", signIn.Headers.Location!.PathAndQuery);

        using var clinician = await CookieBrowser.SignedInAsync(app, TestApp.ClinicianEmail);
        var denied = await clinician.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/access-denied", denied.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("href=\"/admin/users\"", await clinician.GetStringAsync("/patients"));

        var (adminEmail, _) = await AdminAccounts.CreateAsync(app, Roles.Admin);
        using var admin = await CookieBrowser.SignedInAsync(app, adminEmail);
        var page = await admin.GetStringAsync("/admin/users");
        Assert.Contains(adminEmail, page);
        Assert.Contains("href=\"/admin/users\"", await admin.GetStringAsync("/patients")); // the navigation entry
    }
}
