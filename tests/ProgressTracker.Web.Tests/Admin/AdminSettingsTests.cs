using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using ProgressTracker.Web.Features.Admin;
using ProgressTracker.Web.Features.Shared.Outcomes;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Admin;

/// <summary>
/// What needs an app of its own: a one-second invitation lifetime (expired links), an install with a single admin,
/// and the writable dashboard setting. One app serves all three. (A FakeTimeProvider moved by a week would also
/// fire the app's one-second sweeps six hundred thousand times, so the real clock and a short lifetime it is.)
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class AdminSettingsTests(AdminSettingsTests.OwnApp own) : IClassFixture<AdminSettingsTests.OwnApp>
{
    public sealed class OwnApp : IAsyncLifetime
    {
        public TestApp App { get; private set; } = null!;
        public (string Email, Guid Id) OnlyAdmin { get; private set; }

        public async Task InitializeAsync()
        {
            App = await TestApp.StartAsync(StorageMode.Embedded, role: "All", seedDemo: false,
                "--Jobs:DashboardWritable=true", "--Invitations:Lifetime=00:00:01");
            OnlyAdmin = await AdminAccounts.CreateAsync(App, Roles.Admin);
        }

        public async Task DisposeAsync()
        {
            if (App is not null) await App.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_expired_link_is_gone_and_creates_nothing()
    {
        var admin = await ApiClient.SignInAsync(own.App, own.OnlyAdmin.Email);
        var email = $"late-{Guid.NewGuid():N}@clinic.test";
        var token = AdminAccounts.TokenOf(await AdminAccounts.InvitedAsync(admin, email));

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past Invitations:Lifetime

        var late = await AdminAccounts.AcceptAsync(own.App, token);
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Equal("Invitation expired",
            (await late.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(0, await AdminAccounts.AccountCountAsync(own.App, email));
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_demoted_or_deactivated()
    {
        await using var scope = own.App.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var someoneElse = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], "test"));
        var id = own.OnlyAdmin.Id.ToString();

        var demoted = await accounts.ChangeRolesAsync(id, ["Clinician"], someoneElse, CancellationToken.None);
        Assert.Equal(RejectionKind.Conflict, demoted?.Kind);
        Assert.Equal("Last admin", demoted?.Title);
        var deactivated = await accounts.DeactivateAsync(id, someoneElse, CancellationToken.None);
        Assert.Equal("Last admin", deactivated?.Title);
        Assert.True((await AdminAccounts.UserAsync(own.App, own.OnlyAdmin.Id)).IsActive);

        // With another active admin, an admin can be demoted.
        var (_, second) = await AdminAccounts.CreateAsync(own.App, Roles.Admin);
        Assert.Null(await accounts.ChangeRolesAsync(second.ToString(), ["Clinician"], someoneElse, CancellationToken.None));
    }

    [Fact]
    public async Task With_the_setting_an_admin_can_change_jobs_from_the_dashboard()
    {
        using var admin = await CookieBrowser.SignedInAsync(own.App, own.OnlyAdmin.Email);
        Assert.Equal(HttpStatusCode.NoContent, await JobsDashboardTests.DeleteAJobAsync(admin));
    }
}
