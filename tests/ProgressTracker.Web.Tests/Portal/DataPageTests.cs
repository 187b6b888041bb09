using System.Net;
using System.Security.Claims;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Portal;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Portal;

/// <summary>
/// The "My data" page as a signed-in patient's browser uses it without scripts: prepare the archive and find the
/// download link; ask to delete the account (message, confirm), once only, and read the clinic's decision.
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class DataPageTests(EmbeddedAppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_patient_prepares_an_archive_and_finds_the_download_link_on_the_page()
    {
        var staff = await ApiClient.SignInAsync(App);
        var (patientId, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        var visit = (await staff.CreateVisitAsync(patientId)).GetProperty("id").GetString()!;
        await staff.UploadReadyAsync(visit, TestImages.Jpeg(600, 800, seed: 41), "left-lateral");
        using var browser = await CookieBrowser.SignedInAsync(App, await PatientAccounts.LinkAsync(App, patientId));

        var page = await PageAsync(browser);
        Assert.Equal("My data", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-archive-link]")?.GetAttribute("href"));
        var prepare = await PostAsync(browser, page, "Archive", []);
        Assert.Equal(HttpStatusCode.Redirect, prepare.StatusCode);
        Assert.Equal("/me/data#archive", prepare.Headers.Location?.OriginalString);

        var ready = await Eventually.Async(() => PageAsync(browser),
            p => p.QuerySelector("[data-archive-ready]")?.HasAttribute("hidden") == false, "the download link shown");
        var link = ready.QuerySelector("[data-archive-link]")!.GetAttribute("href")!;
        Assert.Matches(@"^/api/v1/me/archive/[0-9a-f-]{36}/file$", link);
        Assert.Equal("1 photo", ready.QuerySelector("[data-archive-count]")?.TextContent.Trim());
        var file = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/zip", file.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_deletion_request_is_confirmed_made_once_and_shows_the_clinics_decision_and_reason()
    {
        var staff = await ApiClient.SignInAsync(App);
        var (patientId, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        using var browser = await CookieBrowser.SignedInAsync(App, await PatientAccounts.LinkAsync(App, patientId));

        var page = await PageAsync(browser);
        Assert.Contains("medical record", page.QuerySelector(".retention")?.TextContent);
        var review = await PostAsync(browser, page, "ReviewDeletion", new() { ["Message"] = "Please close my account." });
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        var confirm = Parse(await review.Content.ReadAsStringAsync());
        Assert.NotNull(confirm.QuerySelector("form.deletion-confirm"));
        Assert.Equal(0, await RequestsAsync(patientId)); // reviewing asks nothing yet

        foreach (var _ in Enumerable.Range(0, 2))
        {
            var sent = await PostAsync(browser, confirm, "RequestDeletion", new() { ["Message"] = "Please close my account." });
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }
        Assert.Equal(1, await RequestsAsync(patientId));
        var waiting = await PageAsync(browser);
        Assert.Contains("is with the clinic", waiting.QuerySelector(".deletion-open")?.TextContent);
        Assert.Null(waiting.QuerySelector("form.deletion-form"));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var patient = await db.Patients.SingleAsync(p => p.Id == Guid.Parse(patientId));
            var request = await db.DeletionRequests.SingleAsync(r => r.PatientId == patient.Id);
            var refused = await scope.ServiceProvider.GetRequiredService<DeletionRequests>().DecideAsync(patient,
                request.Id.ToString(), "declined", "Records must be kept for 10 years after the last treatment.",
                await StaffAsync(scope.ServiceProvider), default);
            Assert.Null(refused);
        }
        var decided = await PageAsync(browser);
        var decision = decided.QuerySelector(".deletion-list")?.TextContent ?? "";
        Assert.Contains("Declined", decision);
        Assert.Contains("Records must be kept for 10 years after the last treatment.", decision);
        Assert.Null(decided.QuerySelector(".deletion-open"));
        Assert.NotNull(decided.QuerySelector("form.deletion-form")); // a new request can be made
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient browser)
    {
        var response = await browser.GetAsync("/me/data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, IHtmlDocument page, string handler,
        Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return browser.PostAsync($"/me/data?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private async Task<int> RequestsAsync(string patientId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().DeletionRequests
            .CountAsync(r => r.PatientId == Guid.Parse(patientId) && r.Status == DeletionRequestStatus.Open);
    }

    private static async Task<ClaimsPrincipal> StaffAsync(IServiceProvider services)
    {
        var clinician = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(TestApp.ClinicianEmail);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, clinician!.Id.ToString()), new Claim(ClaimTypes.Role, Roles.Clinician)], "test"));
    }
}
