using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Admin;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Audit.AuditTrailSupport;
using static ProgressTracker.Web.Tests.Auth.AuthTestKit;

namespace ProgressTracker.Web.Tests.Audit;

/// <summary>
/// Each event the trail must hold, done for real on the shared app and then read back from the trail: the action,
/// who did it, to what, and the outcome.
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class AuditEventsTests(EmbeddedAppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Sign_in_failed_locked_succeeded_by_page_and_api_token_refreshed_and_sign_out()
    {
        var user = await AddUserAsync(App, Roles.Clinician);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiLoginAsync(App, user.Email!, "Wrong-password-1")).StatusCode);
        await CookieBrowser.SignedInAsync(App, user.Email!);
        var tokens = await TokensAsync(App, user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(App, tokens.GetProperty("refreshToken").GetString()!)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Bearer(App, tokens.GetProperty("accessToken").GetString()!)
            .PostAsync("/api/v1/auth/logout", null)).StatusCode);
        var locked = await AddUserAsync(App, Roles.Clinician);
        await ChangeUserAsync(App, locked.Id, (users, u) => users.SetLockoutEndDateAsync(u, DateTimeOffset.MaxValue));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiLoginAsync(App, locked.Email!)).StatusCode);
        var unknown = $"nobody-{Guid.NewGuid():N}@auth.test";
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiLoginAsync(App, unknown)).StatusCode);

        var trail = await EntriesAsync(App, q => q.Where(e => e.ActorId == user.Id || e.ActorId == locked.Id));
        Assert.Equal(AuditOutcome.Denied, One(trail, AuditActions.SignInFailed, user.Id, "api").Outcome);
        Assert.Equal(AuditOutcome.Ok, One(trail, AuditActions.SignInSucceeded, user.Id, "page: password").Outcome);
        Assert.Equal(AuditOutcome.Ok, One(trail, AuditActions.SignInSucceeded, user.Id, "api").Outcome);
        Assert.Equal(AuditOutcome.Ok, One(trail, AuditActions.TokenRefreshed, user.Id).Outcome);
        Assert.Equal(AuditOutcome.Ok, One(trail, AuditActions.SignedOut, user.Id).Outcome);
        Assert.Equal(AuditOutcome.Denied, One(trail, AuditActions.SignInLocked, locked.Id, "api").Outcome);
        Assert.All(trail, e => Assert.NotNull(e.Ip));
        // An unknown address: no actor, and the address itself is not written down.
        Assert.DoesNotContain(await EntriesAsync(App), e => (e.Detail ?? "").Contains(unknown, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invited_accepted_role_changed_deactivated_and_second_factor_reset_name_the_admin_and_the_account()
    {
        var (admin, adminId) = await AdminAccounts.SignedInAsync(App, Roles.Admin);
        var email = $"invited-{Guid.NewGuid():N}@clinic.test";
        var invitation = await AdminAccounts.InvitedAsync(admin, email);
        Assert.Equal(HttpStatusCode.OK, (await AdminAccounts.AcceptAsync(App, AdminAccounts.TokenOf(invitation))).StatusCode);
        Guid accountId;
        await using (var scope = App.Services.CreateAsyncScope())
            accountId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users
                .Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PutAsJsonAsync($"/api/v1/admin/users/{accountId}/roles",
            new { roles = new[] { "clinician", "marketing" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.Http.PostAsync($"/api/v1/admin/users/{accountId}/second-factor/reset", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.Http.PostAsync($"/api/v1/admin/users/{accountId}/deactivate", null)).StatusCode);

        var invitationId = invitation.GetProperty("id").GetString();
        var invited = Assert.Single(await EntriesAsync(App, q => q.Where(e => e.Action == AuditActions.AccountInvited
            && e.ResourceId == invitationId)));
        Assert.Equal((adminId, "invitation", Roles.Clinician, AuditOutcome.Ok),
            (invited.ActorId!.Value, invited.ResourceType!, invited.Detail!, invited.Outcome));
        var accepted = Assert.Single(await EntriesAsync(App, q => q.Where(e => e.Action == AuditActions.InvitationAccepted
            && e.ResourceId == accountId.ToString())));
        Assert.Equal((accountId, "account", invitationId, AuditOutcome.Ok),
            (accepted.ActorId!.Value, accepted.ResourceType!, accepted.Detail, accepted.Outcome));

        var changes = await EntriesAsync(App, q => q.Where(e => e.ResourceId == accountId.ToString() && e.ActorId == adminId));
        foreach (var (action, detail) in new[]
                 {
                     (AuditActions.RoleChanged, (string?)"clinician,marketing"), (AuditActions.SecondFactorReset, null),
                     (AuditActions.AccountDeactivated, null),
                 })
        {
            var entry = Assert.Single(changes, e => e.Action == action);
            Assert.Equal(("account", detail, AuditOutcome.Ok, Roles.Admin),
                (entry.ResourceType!, entry.Detail, entry.Outcome, entry.ActorRole!));
        }
    }

    [Fact]
    public async Task Alignment_and_baseline_changes_name_the_clinician_the_photo_and_the_patient()
    {
        var api = await ApiClient.SignInAsync(App);
        var patientId = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var visitId = (await api.CreateVisitAsync(patientId)).GetProperty("id").GetString()!;
        var photoId = await api.UploadReadyAsync(visitId, TestImages.Jpeg(), "left-lateral");

        Assert.Equal(HttpStatusCode.Accepted, (await api.Http.DeleteAsync($"/api/v1/photos/{photoId}/alignment/manual")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await api.Http.PutAsync($"/api/v1/photos/{photoId}/baseline", null)).StatusCode);

        var clinicianId = (await api.Http.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("id").GetGuid();
        var entries = await EntriesAsync(App, q => q.Where(e => e.ResourceId == photoId));
        foreach (var (action, detail) in new[]
                 {
                     (AuditActions.AlignmentChanged, "reset to automatic"), (AuditActions.BaselineChanged, "left-lateral"),
                 })
        {
            var entry = Assert.Single(entries, e => e.Action == action);
            Assert.Equal((clinicianId, "photo", Guid.Parse(patientId), detail, AuditOutcome.Ok),
                (entry.ActorId!.Value, entry.ResourceType!, entry.PatientId!.Value, entry.Detail!, entry.Outcome));
        }
    }

    [Fact]
    public async Task Downloading_the_trail_as_csv_is_itself_recorded_with_its_filter()
    {
        var (email, adminId) = await AdminAccounts.CreateAsync(App, Roles.Admin);
        var browser = await CookieBrowser.SignedInAsync(App, email);
        var csv = await browser.GetAsync("/admin/audit?handler=Csv&action=sign-in.failed");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);

        var entry = Assert.Single(await EntriesAsync(App, q => q.Where(e => e.Action == AuditActions.AuditExported
            && e.ActorId == adminId)));
        Assert.Equal(("audit", "filtered?action=sign-in.failed", AuditOutcome.Ok),
            (entry.ResourceType!, entry.Detail!, entry.Outcome));
    }

    /// <summary>The safety net's redirect branch: a staff page refused to a patient is a 302 to /access-denied.</summary>
    [Fact]
    public async Task A_staff_page_refused_to_a_patient_is_an_access_denied_entry()
    {
        var patient = await AddUserAsync(App, Roles.Patient);
        var browser = await CookieBrowser.SignedInAsync(App, patient.Email!);
        var refused = await browser.GetAsync("/patients");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/access-denied", new Uri(App.BaseAddress, refused.Headers.Location!).AbsolutePath);

        var entry = Assert.Single(await WaitForAsync(App,
            q => q.Where(e => e.Action == AuditActions.AccessDenied && e.ActorId == patient.Id), "access.denied for the patient"));
        Assert.Equal(("GET /patients → 302", AuditOutcome.Denied, Roles.Patient),
            (entry.Detail!, entry.Outcome, entry.ActorRole!));
    }

    /// <summary>The safety net's 401 branch: a bearer token that was valid, refused once its account is deactivated.</summary>
    [Fact]
    public async Task A_refused_token_of_a_deactivated_account_is_an_access_denied_entry()
    {
        var user = await AddUserAsync(App, Roles.Clinician);
        var bearer = Bearer(App, (await TokensAsync(App, user.Email!)).GetProperty("accessToken").GetString()!);
        var path = $"/api/v1/patients/{Guid.NewGuid()}";
        Assert.Equal(HttpStatusCode.NotFound, (await bearer.GetAsync(path)).StatusCode);
        await ChangeUserAsync(App, user.Id, async (users, u) =>
        {
            u.DeactivatedAt = DateTimeOffset.UnixEpoch;
            await users.UpdateAsync(u);
            await users.UpdateSecurityStampAsync(u);
        });
        App.Services.GetRequiredService<AccountStates>().Forget(user.Id); // as the admin action's own process would

        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync(path)).StatusCode);
        var entry = Assert.Single(await WaitForAsync(App,
            q => q.Where(e => e.Action == AuditActions.AccessDenied && e.Detail == $"GET {path} → 401"), "access.denied for the token"));
        Assert.Equal(AuditOutcome.Denied, entry.Outcome);
        Assert.NotNull(entry.Ip);
    }

    private static AuditEntry One(List<AuditEntry> trail, string action, Guid actor, string? detail = null) =>
        Assert.Single(trail, e => e.Action == action && e.ActorId == actor && (detail is null || e.Detail == detail));
}
