using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Admin;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Audit.AuditTrailSupport;

namespace ProgressTracker.Web.Tests.Audit;

/// <summary>
/// The admin page's filters other than the action (person by e-mail or id, patient by record number or id, from
/// and to dates, and the problems it reports), and the API's patientId and to.
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class AuditFilterTests(EmbeddedAppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_page_filters_by_person_patient_and_dates_and_names_what_matched_nothing()
    {
        var (clinicianEmail, clinicianId) = await AdminAccounts.CreateAsync(App, Roles.Clinician);
        var clinician = await ApiClient.SignInAsync(App, clinicianEmail);
        var record = $"F-{Guid.NewGuid():N}"[..12];
        var patientId = (await clinician.CreatePatientAsync(record)).GetProperty("id").GetString()!;
        await clinician.CreateVisitAsync(patientId);
        await clinician.Http.GetAsync($"/api/v1/patients/{patientId}");
        var (adminEmail, _) = await AdminAccounts.CreateAsync(App, Roles.Admin);
        var admin = await CookieBrowser.SignedInAsync(App, adminEmail);
        await SealAsync(App);

        var byPerson = await EntriesAsync(App, q => q.Where(e => e.ActorId == clinicianId));
        var byPatient = await EntriesAsync(App, q => q.Where(e => e.PatientId == Guid.Parse(patientId)));
        Assert.True(byPatient.Count >= 3); // created, visit created, viewed

        var today = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tomorrow = TimeProvider.System.GetUtcNow().AddDays(1).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var yesterday = TimeProvider.System.GetUtcNow().AddDays(-1).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Person by e-mail and by id; patient by record number and by id: every row is theirs, and all of theirs.
        foreach (var query in new[] { $"person={Uri.EscapeDataString(clinicianEmail)}", $"person={clinicianId}" })
        {
            var rows = await RowsAsync(admin, query);
            Assert.Equal(byPerson.Count, rows.Count);
            Assert.All(rows, r => Assert.Equal(clinicianEmail, r.Person));
        }
        foreach (var query in new[] { $"patient={record}", $"patient={patientId}" })
        {
            var rows = await RowsAsync(admin, query);
            Assert.Equal(byPatient.Count, rows.Count);
            Assert.All(rows, r => Assert.Equal(record, r.Record));
        }
        // Dates are whole UTC days, both ends included.
        Assert.Equal(byPatient.Count, (await RowsAsync(admin, $"patient={record}&from={today}&to={today}")).Count);
        Assert.Empty(await RowsAsync(admin, $"patient={record}&from={tomorrow}"));
        Assert.Empty(await RowsAsync(admin, $"patient={record}&to={yesterday}"));
        Assert.Equal(byPatient.Count(e => e.Action == AuditActions.PatientViewed),
            (await RowsAsync(admin, $"patient={record}&person={clinicianId}&action=patient.viewed&from={yesterday}")).Count);

        Assert.Contains("No account has the e-mail address nobody@clinic.test.",
            await PageAsync(admin, "person=nobody@clinic.test"));
        Assert.Contains("No patient has the record number NO-SUCH-RECORD.", await PageAsync(admin, "patient=NO-SUCH-RECORD"));
        Assert.Contains("The end date is before the start date.", await PageAsync(admin, $"from={today}&to={yesterday}"));
    }

    [Fact]
    public async Task The_api_filters_by_patient_id_and_an_inclusive_to_date()
    {
        var clinician = await ApiClient.SignInAsync(App);
        var patientId = (await clinician.CreatePatientAsync()).GetProperty("id").GetString()!;
        await clinician.CreateVisitAsync(patientId);
        var (admin, _) = await AdminAccounts.SignedInAsync(App, Roles.Admin);
        var expected = (await EntriesAsync(App, q => q.Where(e => e.PatientId == Guid.Parse(patientId)))).Count;
        Assert.True(expected >= 2);

        var today = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var yesterday = TimeProvider.System.GetUtcNow().AddDays(-1).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var all = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?patientId={patientId}&to={today}");
        Assert.Equal(expected, all.GetProperty("total").GetInt32());
        Assert.All(all.GetProperty("items").EnumerateArray(), i => Assert.Equal(patientId, i.GetProperty("patientId").GetString()));
        var none = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?patientId={patientId}&to={yesterday}");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Http.GetAsync($"/api/v1/admin/audit?to=tomorrow")).StatusCode);
    }

    private static async Task<string> PageAsync(HttpClient admin, string query)
    {
        var response = await admin.GetAsync("/admin/audit?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<List<(string Person, string Record)>> RowsAsync(HttpClient admin, string query)
    {
        var html = await PageAsync(admin, query); // fewer than a page of 50 rows here
        Assert.DoesNotContain("alert-error", html);
        var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelectorAll("table.audit tbody tr").Select(tr =>
            (tr.QuerySelector("td[data-label=Person] .who-cell")?.TextContent.Trim() ?? "",
             tr.QuerySelector("td[data-label=Record] a")?.TextContent.Trim() ?? "")).ToList();
    }
}
