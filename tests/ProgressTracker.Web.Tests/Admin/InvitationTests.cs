using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Admin;

/// <summary>One-time invitation links: invite, accept, sign in; a link that was used, withdrawn or replaced is 410.</summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class InvitationTests(EmbeddedAppFixture fixture)
{
    private static string NewEmail() => $"invited-{Guid.NewGuid():N}@clinic.test";

    [Fact]
    public async Task Invited_person_sets_a_password_and_signs_in_with_the_invited_role_and_the_link_then_is_gone()
    {
        var app = fixture.App;
        var (admin, _) = await AdminAccounts.SignedInAsync(app, Roles.Admin);
        var email = NewEmail();
        var invitation = await AdminAccounts.InvitedAsync(admin, email, "Marketing");
        Assert.Equal("marketing", invitation.GetProperty("role").GetString());
        Assert.Matches("^http://127\\.0\\.0\\.1:\\d+/invite/[A-Za-z0-9_-]{43}$", invitation.GetProperty("url").GetString());
        var token = AdminAccounts.TokenOf(invitation);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Invitations
                .SingleAsync(i => i.Id == invitation.GetProperty("id").GetGuid());
            Assert.NotEqual(token, stored.TokenHash); // only the hash is kept
            Assert.Equal(64, stored.TokenHash.Length);
        }
        var open = await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/invitations");
        Assert.Contains(open.GetProperty("items").EnumerateArray(), i => i.GetProperty("email").GetString() == email);

        var weak = await AdminAccounts.AcceptAsync(app, token, "short");
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(0, await AdminAccounts.AccountCountAsync(app, email));

        var accepted = await AdminAccounts.AcceptAsync(app, token);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(email, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());
        var newcomer = await ApiClient.SignInAsync(app, email);
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.Http.GetAsync("/api/v1/admin/users")).StatusCode);
        var list = await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/users");
        var account = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("email").GetString() == email);
        Assert.Equal(["marketing"], account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var replay = await AdminAccounts.AcceptAsync(app, token, "Another-Pass-99");
        Assert.Equal(HttpStatusCode.Gone, replay.StatusCode);
        Assert.Equal("application/problem+json", replay.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await AdminAccounts.AccountCountAsync(app, email));
        Assert.Equal(HttpStatusCode.Conflict, (await AdminAccounts.InviteAsync(admin, email)).StatusCode);
    }

    [Fact]
    public async Task Withdrawn_and_replaced_links_are_gone_and_create_nothing()
    {
        var app = fixture.App;
        var (admin, _) = await AdminAccounts.SignedInAsync(app, Roles.Admin);
        var email = NewEmail();
        var first = await AdminAccounts.InvitedAsync(admin, email);
        var second = await AdminAccounts.InvitedAsync(admin, email.ToUpperInvariant()); // same address, new link
        Assert.Equal(HttpStatusCode.Gone, (await AdminAccounts.AcceptAsync(app, AdminAccounts.TokenOf(first))).StatusCode);

        var withdrawn = await admin.Http.DeleteAsync($"/api/v1/admin/invitations/{second.GetProperty("id")}");
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await AdminAccounts.AcceptAsync(app, AdminAccounts.TokenOf(second))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await admin.Http.DeleteAsync($"/api/v1/admin/invitations/{second.GetProperty("id")}")).StatusCode);
        Assert.Equal(0, await AdminAccounts.AccountCountAsync(app, email));
        Assert.Equal(HttpStatusCode.Gone, (await AdminAccounts.AcceptAsync(app, "not-a-token")).StatusCode);
    }

    [Theory]
    [InlineData("not-an-email", "clinician", HttpStatusCode.BadRequest)]
    [InlineData("ok@clinic.test", "wizard", HttpStatusCode.BadRequest)]
    [InlineData("ok@clinic.test", "patient", HttpStatusCode.BadRequest)]
    [InlineData(TestApp.ClinicianEmail, "clinician", HttpStatusCode.Conflict)]
    public async Task Bad_invitations_are_refused(string email, string role, HttpStatusCode expected)
    {
        var (admin, _) = await AdminAccounts.SignedInAsync(fixture.App, Roles.Admin);
        var response = await AdminAccounts.InviteAsync(admin, email, role);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_invitation_page_sets_the_password_and_a_used_link_gets_a_friendly_page()
    {
        var app = fixture.App;
        var (admin, _) = await AdminAccounts.SignedInAsync(app, Roles.Admin);
        var email = NewEmail();
        var token = AdminAccounts.TokenOf(await AdminAccounts.InvitedAsync(admin, email));
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseAddress,
        };
        var page = await browser.GetStringAsync($"/invite/{token}");
        Assert.Contains(email, page);
        Assert.Contains("clinician", page);
        var form = await CookieBrowser.FormTokenAsync(browser, $"/invite/{token}");
        var mismatch = await browser.PostAsync($"/invite/{token}", Form(form, TestApp.Password, "Different-Pass-1"));
        Assert.Contains("not the same", await mismatch.Content.ReadAsStringAsync());
        Assert.Equal(0, await AdminAccounts.AccountCountAsync(app, email));

        var done = await browser.PostAsync($"/invite/{token}", Form(form, TestApp.Password, TestApp.Password));
        Assert.Contains("Your account is ready", await done.Content.ReadAsStringAsync());
        await ApiClient.SignInAsync(app, email);

        var used = await browser.GetAsync($"/invite/{token}");
        Assert.Equal(HttpStatusCode.Gone, used.StatusCode);
        Assert.Contains("already been used", await used.Content.ReadAsStringAsync());
        Assert.Equal(1, await AdminAccounts.AccountCountAsync(app, email));
    }

    private static FormUrlEncodedContent Form(string antiforgery, string password, string confirm) =>
        new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery, ["password"] = password, ["confirm"] = confirm,
        });
}
