using System.Net.Http.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>
/// Every screen a clinician works in, checked by axe-core against WCAG 2.1 A and AA (labels, contrast, roles,
/// keyboard names) at desktop and phone widths. Serious and critical findings fail the test, and so does any console
/// error on the way (a script or style refused by the Content-Security-Policy, a failed request, a script error).
/// </summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class AccessibilityTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Clinician_screens_have_no_serious_accessibility_violations_and_no_console_errors()
    {
        var app = fixture.App;
        var patient = await SeededPatient.CreateAsync(app);
        await using var session = await BrowserSession.StartAsync();
        string[] screens =
        [
            "/patients", $"/patients/{patient.Id}",
            $"/patients/{patient.Id}/compare?view=left-lateral&mode=side",
            $"/patients/{patient.Id}/compare?view=left-lateral&mode=slider",
            $"/patients/{patient.Id}/compare?view=left-lateral&mode=overlay",
            $"/patients/{patient.Id}/progression?view=left-lateral",
            $"/photos/{patient.LateralPhotos[1]}",
            $"/visits/{patient.FirstVisitId}/upload",
            $"/patients/{patient.Id}/portal",
            $"/patients/{patient.Id}/consents",
        ];
        var findings = new List<string>();
        foreach (var width in new[] { 1440, 390 })
        {
            var page = await session.SignedInPageAsync(app, width: width, height: 900);
            await CheckScreensAsync(page, screens, width, findings);
            await page.CloseAsync();
        }
        var anonymous = await session.NewPageAsync(app);
        await anonymous.GotoAsync("/login");
        findings.AddRange(await SeriousViolationsAsync(anonymous, "/login"));

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public async Task Portal_screens_have_no_serious_accessibility_violations_and_no_console_errors()
    {
        var app = fixture.App;
        var patient = await SeededPatient.CreateAsync(app);
        var email = await PatientAccounts.LinkAsync(app, patient.Id);
        var consent = await SignedConsentAsync(app, email, patient.Id);
        await using var session = await BrowserSession.StartAsync();
        string[] screens =
        [
            $"/me/consents?withdraw={consent}", "/me", "/me?view=left-lateral&mode=side", "/me/compare?view=left-lateral&mode=slider",
            "/me/compare?view=left-lateral&mode=overlay", "/me/progression?view=left-lateral", "/me/photos",
            "/me/access-log", "/me/data", "/me/consents", "/account/security",
        ];
        var findings = new List<string>();
        foreach (var (width, phone) in new[] { (1440, false), (390, true) })
        {
            var page = await session.SignedInAsAsync(app, email, width: width, height: 900, phone: phone);
            await CheckScreensAsync(page, screens, width, findings);
            if (phone) // the menu open, as a patient uses it
            {
                await page.GotoAsync("/me");
                await page.Locator(".portal-menu summary").ClickAsync();
                findings.AddRange(await SeriousViolationsAsync(page, "/me with the menu open @ 390px"));
            }
            await page.CloseAsync();
        }
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public async Task Marketing_and_public_gallery_screens_have_no_serious_accessibility_violations_and_no_console_errors()
    {
        var app = fixture.App;
        var s = await Marketing.MarketingSetup.CreateAsync(app);
        await s.ConsentAsync(["website"], review: true);
        var @case = await s.RenderedCaseAsync();
        var caseId = @case.GetProperty("id").GetString()!;
        var photos = await s.PhotosAsync();
        var gallery = await s.Marketing.Http.PostAsJsonAsync("/api/v1/galleries", new { title = "Axe" });
        var galleryId = (await gallery.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        await using var session = await BrowserSession.StartAsync();
        var findings = new List<string>();
        var who = new (string Email, string[] Screens)[]
        {
            (s.MarketingEmail,
            [
                "/marketing", "/marketing/cases", $"/marketing/cases/{caseId}", "/marketing/galleries",
                $"/marketing/galleries/{galleryId}", "/marketing/takedowns",
                $"/marketing/cases/new?before={photos[0].GetProperty("id").GetString()}&after={photos[^1].GetProperty("id").GetString()}",
            ]),
            (s.PatientEmail, ["/me/pictures"]),
        };
        foreach (var (width, phone) in new[] { (1440, false), (390, true) })
        {
            foreach (var (email, screens) in who)
            {
                var page = await session.SignedInAsAsync(app, email, width: width, height: 900, phone: phone);
                await CheckScreensAsync(page, screens, width, findings);
                await page.CloseAsync();
            }
        }
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    /// <summary>A consent signed on screen, so "My consents" shows a card and its withdrawal confirmation.</summary>
    private static async Task<string> SignedConsentAsync(TestApp app, string email, string patientId)
    {
        var patient = await ApiClient.SignInAsync(app, email);
        var signed = await patient.Http.PostAsJsonAsync($"/api/v1/patients/{patientId}/consents", new
        {
            uses = new[] { "website" }, coverage = new { kind = "all" }, reviewEachPicture = true, method = "on-screen",
            signedName = "Axe Patient", signature = Consents.ConsentSignatures.DataUrl(),
        });
        signed.EnsureSuccessStatusCode();
        return (await signed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Visits each screen, noting console and script errors and serious axe findings.</summary>
    private static async Task CheckScreensAsync(IPage page, IEnumerable<string> screens, int width, List<string> findings)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error") findings.Add($"{page.Url} @ {width}px: console error: {message.Text}");
        };
        page.PageError += (_, error) => findings.Add($"{page.Url} @ {width}px: script error: {error}");
        foreach (var screen in screens)
        {
            await page.GotoAsync(screen);
            await PagePixels.WaitForImagesAsync(page);
            findings.AddRange(await SeriousViolationsAsync(page, $"{screen} @ {width}px"));
        }
    }

    private static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{where}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
    }
}
