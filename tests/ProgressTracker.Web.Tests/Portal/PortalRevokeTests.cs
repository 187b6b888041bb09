using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Admin;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Portal;

/// <summary>
/// Staff revoke a patient's portal access from the portal access page: the patient's bearer token and cookie stop
/// working (the account check runs on every request in this app, instead of every 30 s), the records stay, and
/// restoring lets the same account sign in again. Both changes are audited.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class PortalRevokeTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await TestApp.StartAsync(StorageMode.Embedded, extraSettings: "--Auth:AccountCheckInterval=00:00:00");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Revoking_stops_the_patients_token_and_cookie_and_restoring_lets_them_back_in()
    {
        var clinician = await ApiClient.SignInAsync(_app);
        var patientId = await PortalInvites.NewPatientAsync(clinician);
        var email = PortalInvites.NewEmail();
        Assert.Equal(HttpStatusCode.OK, (await PortalInvites.AcceptAsync(_app,
            PortalInvites.TokenOf(await PortalInvites.InvitedAsync(clinician, patientId, email)))).StatusCode);
        var bearer = await ApiClient.SignInAsync(_app, email);
        using var cookie = await CookieBrowser.SignedInAsync(_app, email);
        Assert.Equal(HttpStatusCode.OK, (await bearer.Http.GetAsync($"/api/v1/patients/{patientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/account/security")).StatusCode);

        using var staff = await CookieBrowser.SignedInAsync(_app, TestApp.ClinicianEmail);
        var portal = $"/patients/{patientId}/portal";
        var page = await staff.GetStringAsync(portal);
        Assert.Contains(email, page);
        Assert.Contains("Revoke portal access", page);
        Assert.Contains("Portal access active", await staff.GetStringAsync($"/patients/{patientId}")); // the status line

        var unconfirmed = await PostAsync(staff, portal, "Revoke");
        Assert.Contains("Tick the box", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await bearer.Http.GetAsync($"/api/v1/patients/{patientId}")).StatusCode);

        var revoked = await PostAsync(staff, portal, "Revoke", ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.Http.GetAsync($"/api/v1/patients/{patientId}")).StatusCode);
        var refused = await cookie.GetAsync("/account/security");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/login", refused.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().PostAsJsonAsync("/api/v1/auth/login",
            new { email, password = TestApp.Password })).StatusCode);
        Assert.Contains("Only an admin can restore portal access", await staff.GetStringAsync(portal));
        Assert.Equal(HttpStatusCode.OK, (await clinician.Http.GetAsync($"/api/v1/patients/{patientId}")).StatusCode);

        // A clinician cannot undo it (an admin, or the patient's own request, may have ended the access): an admin can.
        var byClinician = await PostAsync(staff, portal, "Restore");
        Assert.NotEqual(HttpStatusCode.Redirect, byClinician.StatusCode);
        Assert.Contains("Only an admin can restore", await byClinician.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().PostAsJsonAsync("/api/v1/auth/login",
            new { email, password = TestApp.Password })).StatusCode);
        var (adminEmail, _) = await AdminAccounts.CreateAsync(_app, Roles.Admin);
        using var admin = await CookieBrowser.SignedInAsync(_app, adminEmail);
        Assert.Contains("Restore portal access", await admin.GetStringAsync(portal));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, portal, "Restore")).StatusCode);
        var again = await ApiClient.SignInAsync(_app, email);
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync($"/api/v1/patients/{patientId}")).StatusCode);

        await _app.FlushAuditAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        var actions = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .Where(e => e.PatientId == Guid.Parse(patientId)).Select(e => e.Action).ToListAsync();
        Assert.Contains(AuditActions.PortalAccessRevoked, actions);
        Assert.Contains(AuditActions.PortalAccessRestored, actions);
    }

    [Fact]
    public async Task A_deletion_decision_needs_a_reason_and_closing_the_account_ends_access()
    {
        var clinician = await ApiClient.SignInAsync(_app);
        var patientId = await PortalInvites.NewPatientAsync(clinician);
        var email = PortalInvites.NewEmail();
        Assert.Equal(HttpStatusCode.OK, (await PortalInvites.AcceptAsync(_app,
            PortalInvites.TokenOf(await PortalInvites.InvitedAsync(clinician, patientId, email)))).StatusCode);
        var bearer = await ApiClient.SignInAsync(_app, email);
        Guid requestId;
        await using (var scope = _app.Services.CreateAsyncScope())
            requestId = (await scope.ServiceProvider.GetRequiredService<Web.Features.Portal.DeletionRequests>()
                .RequestAsync(Guid.Parse(patientId), Guid.NewGuid(), "Please close my account.", default)).Id;

        using var staff = await CookieBrowser.SignedInAsync(_app, TestApp.ClinicianEmail);
        var portal = $"/patients/{patientId}/portal";
        Assert.Contains("Please close my account.", await staff.GetStringAsync(portal));
        var noReason = await PostAsync(staff, portal, "Decide", ("requestId", requestId.ToString()), ("outcome", "account-closed"));
        Assert.Contains("Give the reason", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await bearer.Http.GetAsync($"/api/v1/patients/{patientId}")).StatusCode);

        var decided = await PostAsync(staff, portal, "Decide", ("requestId", requestId.ToString()),
            ("outcome", "account-closed"), ("reason", "Closed as asked; records are kept for 10 years."));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.Http.GetAsync($"/api/v1/patients/{patientId}")).StatusCode);
        var page = await staff.GetStringAsync(portal);
        Assert.Contains("Account closed", page);
        Assert.Contains("Portal access revoked", page);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string page, string handler,
        params (string Name, string Value)[] fields)
    {
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = await CookieBrowser.FormTokenAsync(browser, page) };
        foreach (var (name, value) in fields) form[name] = value;
        return await browser.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(form));
    }
}
