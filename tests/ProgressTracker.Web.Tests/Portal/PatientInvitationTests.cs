using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Tests.Admin;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Portal;

/// <summary>
/// Staff invite a patient from the record: the accepted link makes a patient account linked to that record; a
/// replaced, withdrawn, used or expired link answers 410 and creates nothing. The embedded app has no SMTP server,
/// so the answer says e-mail is not set up.
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class PatientInvitationTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task A_second_open_link_for_a_record_that_has_an_account_creates_nothing_and_does_not_relink()
    {
        var app = fixture.App;
        var staff = await ApiClient.SignInAsync(app);
        var patientId = await PortalInvites.NewPatientAsync(staff);
        var first = PortalInvites.NewEmail();
        var firstToken = PortalInvites.TokenOf(await PortalInvites.InvitedAsync(staff, patientId, first));
        // A second open invitation for the same record, as two staff inviting at the same moment would leave.
        var secondToken = ProgressTracker.Web.Infrastructure.Identity.SecretTokens.New();
        var second = PortalInvites.NewEmail();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            db.Invitations.Add(new ProgressTracker.Web.Infrastructure.Identity.Invitation
            {
                Email = second, Role = ProgressTracker.Web.Infrastructure.Identity.Roles.Patient, PatientId = Guid.Parse(patientId), CreatedAt = now,
                ExpiresAt = now.AddDays(7), TokenHash = ProgressTracker.Web.Infrastructure.Identity.SecretTokens.Hash(secondToken),
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await PortalInvites.AcceptAsync(app, firstToken)).StatusCode);
        var linked = await LinkedUserAsync(app, patientId);
        var late = await PortalInvites.AcceptAsync(app, secondToken);
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Equal(linked, await LinkedUserAsync(app, patientId)); // still the first account
        Assert.Equal(0, await AdminAccounts.AccountCountAsync(app, second)); // and no second one
    }

    private static async Task<Guid?> LinkedUserAsync(TestApp app, string patientId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Patients
            .Where(p => p.Id == Guid.Parse(patientId)).Select(p => p.UserId).SingleAsync();
    }

    [Fact]
    public async Task Accepting_links_the_account_to_the_record_and_the_link_then_is_gone()
    {
        var app = fixture.App;
        var clinician = await ApiClient.SignInAsync(app);
        var patientId = await PortalInvites.NewPatientAsync(clinician);
        var email = PortalInvites.NewEmail();

        var invitation = await PortalInvites.InvitedAsync(clinician, patientId, email);
        Assert.Equal("patient", invitation.GetProperty("role").GetString());
        Assert.Equal(email, invitation.GetProperty("email").GetString());
        Assert.Matches("^http://127\\.0\\.0\\.1:\\d+/invite/[A-Za-z0-9_-]{43}$", invitation.GetProperty("url").GetString());
        Assert.False(invitation.GetProperty("emailSent").GetBoolean());
        Assert.Contains("not set up", invitation.GetProperty("emailProblem").GetString());
        var expires = invitation.GetProperty("expiresAt").GetDateTimeOffset() - TimeProvider.System.GetUtcNow();
        Assert.InRange(expires, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7)); // the default lifetime

        var token = PortalInvites.TokenOf(invitation);
        Assert.Equal(HttpStatusCode.OK, (await PortalInvites.AcceptAsync(app, token)).StatusCode);
        var patient = await ApiClient.SignInAsync(app, email);
        var me = await patient.Http.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(patientId, me.GetProperty("patientId").GetString());
        Assert.Equal(["patient"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await patient.Http.GetAsync($"/api/v1/patients/{patientId}")).StatusCode);

        var replay = await PortalInvites.AcceptAsync(app, token, "Another-Pass-99");
        Assert.Equal(HttpStatusCode.Gone, replay.StatusCode);
        Assert.Equal("application/problem+json", replay.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await AdminAccounts.AccountCountAsync(app, email));

        var again = await PortalInvites.InviteAsync(clinician, patientId, PortalInvites.NewEmail());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already has a portal account", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reinviting_replaces_the_link_and_withdrawn_or_expired_links_create_nothing()
    {
        var app = fixture.App;
        var clinician = await ApiClient.SignInAsync(app);
        var patientId = await PortalInvites.NewPatientAsync(clinician);
        var email = PortalInvites.NewEmail();

        var first = await PortalInvites.InvitedAsync(clinician, patientId, email);
        var second = await PortalInvites.InvitedAsync(clinician, patientId, PortalInvites.NewEmail()); // a corrected address
        Assert.Equal(HttpStatusCode.Gone, (await PortalInvites.AcceptAsync(app, PortalInvites.TokenOf(first))).StatusCode);

        var url = $"/api/v1/patients/{patientId}/invitations/{second.GetProperty("id")}";
        var otherPatient = await PortalInvites.NewPatientAsync(clinician);
        Assert.Equal(HttpStatusCode.NotFound, // only through its own record
            (await clinician.Http.DeleteAsync($"/api/v1/patients/{otherPatient}/invitations/{second.GetProperty("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await clinician.Http.DeleteAsync(url)).StatusCode);
        var withdrawn = await PortalInvites.AcceptAsync(app, PortalInvites.TokenOf(second));
        Assert.Equal(HttpStatusCode.Gone, withdrawn.StatusCode);
        Assert.Contains("withdrawn", await withdrawn.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.Http.DeleteAsync(url)).StatusCode);

        var third = await PortalInvites.InvitedAsync(clinician, patientId, email);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var id = third.GetProperty("id").GetGuid();
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Invitations.Where(i => i.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, TimeProvider.System.GetUtcNow().AddMinutes(-1)));
        }
        var expired = await PortalInvites.AcceptAsync(app, PortalInvites.TokenOf(third));
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync());
        Assert.Equal(0, await AdminAccounts.AccountCountAsync(app, email));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var record = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Patients
                .SingleAsync(p => p.Id == Guid.Parse(patientId));
            Assert.Null(record.UserId);
        }
    }

    [Theory]
    [InlineData("not-an-email", HttpStatusCode.BadRequest)]
    [InlineData(null, HttpStatusCode.BadRequest)]
    [InlineData(TestApp.ClinicianEmail, HttpStatusCode.Conflict)] // an existing account cannot become the patient's
    public async Task Bad_invitations_are_refused_with_a_problem(string? email, HttpStatusCode expected)
    {
        var clinician = await ApiClient.SignInAsync(fixture.App);
        var patientId = await PortalInvites.NewPatientAsync(clinician);
        var response = await PortalInvites.InviteAsync(clinician, patientId, email);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_invitation_page_speaks_to_the_patient_and_offers_a_passkey_after_sign_in()
    {
        var app = fixture.App;
        var clinician = await ApiClient.SignInAsync(app);
        var patientId = await PortalInvites.NewPatientAsync(clinician);
        var email = PortalInvites.NewEmail();
        var token = PortalInvites.TokenOf(await PortalInvites.InvitedAsync(clinician, patientId, email));
        using var browser = CookieBrowser.Create(app);

        var page = await browser.GetStringAsync($"/invite/{token}");
        Assert.Contains("Set a password to see your progress photos", page);
        var form = await CookieBrowser.FormTokenAsync(browser, $"/invite/{token}");
        var done = await browser.PostAsync($"/invite/{token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form, ["password"] = TestApp.Password, ["confirm"] = TestApp.Password,
        }));
        var html = await done.Content.ReadAsStringAsync();
        Assert.Contains("Your account is ready", html);
        Assert.Contains("/login?returnUrl=%2Faccount%2Fsecurity", html);

        // Signing in from that link lands on the page where a passkey is added.
        var signIn = await browser.GetStringAsync("/login?returnUrl=%2Faccount%2Fsecurity");
        var login = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = TestApp.Password, ["returnUrl"] = "/account/security",
            ["__RequestVerificationToken"] = CookieBrowser.FormToken(signIn),
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/account/security", login.Headers.Location?.OriginalString);
        Assert.Contains("passkey", await browser.GetStringAsync("/account/security"), StringComparison.OrdinalIgnoreCase);
    }
}
