using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ProgressTracker.Web.Tests.Consents;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>
/// Consent in Chromium. The patient signs on screen (typed name, a signature drawn with the finger on a phone and
/// the mouse on a desktop), downloads the signed PDF, and later withdraws it with one tap and a confirmation; staff
/// record a paper consent, attach its scan and record a withdrawal received on paper.
/// </summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class ConsentBrowserTests(EmbeddedAppFixture fixture)
{
    [Theory]
    [InlineData(390, true)]
    [InlineData(1440, false)]
    public async Task The_patient_signs_downloads_the_pdf_and_withdraws(int width, bool phone)
    {
        var app = fixture.App;
        var staff = await ApiClient.SignInAsync(app);
        var (patientId, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        var email = await PatientAccounts.LinkAsync(app, patientId);
        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInAsAsync(app, email, width, 900, phone);
        var errors = ScriptErrors(page);

        await page.GotoAsync("/me/consents");
        await page.GetByRole(AriaRole.Heading, new() { Name = "My consents", Exact = true }).WaitForAsync();
        await Assertions.Expect(page.GetByText("You have not given consent")).ToBeVisibleAsync();
        Assert.True(await page.GetByLabel("Let me approve each picture before it is published").IsCheckedAsync());
        Assert.False(await page.GetByLabel("Show identifiable features (face, tattoos, birthmarks)").IsCheckedAsync());
        await BrowserSession.ScreenshotWholePageAsync(page, $"consent-portal-empty-{width}.png");

        await page.GetByLabel("Your full name").FillAsync("Jane Q. Doe");
        // Without a drawn signature the form is not sent, and says why.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign and give consent" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-signature-state]")).ToContainTextAsync("Please draw your signature");
        await DrawSignatureAsync(page, touch: phone);
        await Assertions.Expect(page.Locator("[data-signature-state]")).ToHaveTextAsync("Signature drawn.");
        // Without a use the server says so; the name and the drawing are kept.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign and give consent" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Name at least one use.");
        Assert.Equal("Jane Q. Doe", await page.GetByLabel("Your full name").InputValueAsync());
        Assert.StartsWith("data:image/png;base64,", await page.Locator("[data-signature-value]").InputValueAsync());
        await page.GetByLabel("The clinic's website").CheckAsync();
        await page.GetByLabel("The clinic's social media").CheckAsync();
        await BrowserSession.ScreenshotWholePageAsync(page, $"consent-portal-signing-{width}.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign and give consent" }).ClickAsync();

        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Your consent is active");
        var card = page.Locator(".consent-card").First;
        await Assertions.Expect(card.Locator(".consent-status")).ToHaveTextAsync("Active");
        await Assertions.Expect(card.Locator("h3")).ToHaveTextAsync("Website and social media");
        var id = (await card.GetAttributeAsync("id"))!["consent-".Length..];
        await BrowserSession.ScreenshotWholePageAsync(page, $"consent-portal-active-{width}.png");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            card.GetByRole(AriaRole.Link, new() { NameRegex = new("^Download PDF") }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(pdf.Length > 1000 && pdf.AsSpan().StartsWith("%PDF"u8), "the download is a PDF");

        // Withdraw: one tap, then one confirmation in place.
        await card.GetByRole(AriaRole.Link, new() { NameRegex = new("^Withdraw") }).ClickAsync();
        var confirm = page.Locator(".withdraw-confirm");
        await Assertions.Expect(confirm).ToContainTextAsync("Withdraw this consent?");
        await BrowserSession.ScreenshotWholePageAsync(page, $"consent-portal-confirm-{width}.png");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw my consent" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Your consent is withdrawn");
        await Assertions.Expect(card.Locator(".consent-status")).ToHaveTextAsync("Withdrawn");
        await Assertions.Expect(card.Locator("dt", new() { HasText = "Withdrawn" })).ToBeVisibleAsync();
        Assert.Equal(0, await card.GetByRole(AriaRole.Link, new() { NameRegex = new("^Withdraw") }).CountAsync());
        await BrowserSession.ScreenshotWholePageAsync(page, $"consent-portal-withdrawn-{width}.png");

        var api = await page.Context.APIRequest.GetAsync($"/api/v1/consents/{id}");
        Assert.Equal(200, api.Status);
        Assert.Equal("revoked", (await api.JsonAsync())!.Value.GetProperty("status").GetString());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "no sideways scrolling");
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(1440)]
    [InlineData(390)]
    public async Task Staff_record_a_paper_consent_attach_its_scan_and_record_a_withdrawal(int width)
    {
        var app = fixture.App;
        var staff = await ApiClient.SignInAsync(app);
        var (patientId, _, _) = await PatientAccounts.CreatePatientAsync(staff);
        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignedInPageAsync(app, width, 900);
        var errors = ScriptErrors(page);

        await page.GotoAsync($"/patients/{patientId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Consents", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/patients/{patientId}/consents");
        await page.GetByLabel("Teaching health professionals").CheckAsync();
        await page.GetByLabel("Only these views:").CheckAsync();
        await page.GetByLabel("Front", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Name as signed on the form").FillAsync("Maria Paper");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record paper consent" }).ClickAsync();

        var card = page.Locator(".consent-card").First;
        await Assertions.Expect(card.Locator(".consent-status")).ToHaveTextAsync("Waiting for the signed form");
        await Assertions.Expect(card).ToContainTextAsync("Front photos");
        await BrowserSession.ScreenshotWholePageAsync(page, $"consent-staff-pending-{width}.png");
        await card.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "signed-form.png", MimeType = "image/png", Buffer = ConsentSignatures.Png(),
        });
        await card.GetByRole(AriaRole.Button, new() { Name = "Attach scan and activate" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Scan attached");
        await Assertions.Expect(card.Locator(".consent-status")).ToHaveTextAsync("Active");
        var scan = await page.Context.APIRequest.GetAsync((await card.GetByRole(AriaRole.Link,
            new() { NameRegex = new("^Signed form") }).GetAttributeAsync("href"))!);
        Assert.Equal("image/png", scan.Headers["content-type"]);
        await BrowserSession.ScreenshotWholePageAsync(page, $"consent-staff-active-{width}.png");

        // A withdrawal received on paper needs the confirmation ticked.
        await card.GetByLabel("The patient withdrew this consent in writing; it ends now.").CheckAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Record withdrawal" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Withdrawal recorded");
        await Assertions.Expect(card.Locator(".consent-status")).ToHaveTextAsync("Withdrawn");
        await BrowserSession.ScreenshotWholePageAsync(page, $"consent-staff-withdrawn-{width}.png");
        var list = await staff.Http.GetFromJsonAsync<JsonElement>($"/api/v1/patients/{patientId}/consents");
        Assert.Equal("revoked", list.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Empty(errors);
    }

    /// <summary>A zigzag across the pad: touch events through the DevTools protocol on a phone, the mouse otherwise.</summary>
    private static async Task DrawSignatureAsync(IPage page, bool touch)
    {
        var canvas = page.Locator("[data-signature-canvas]");
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = (await canvas.BoundingBoxAsync())!;
        var points = Enumerable.Range(0, 9)
            .Select(i => (X: box.X + box.Width * (0.1f + 0.1f * i), Y: box.Y + box.Height * (i % 2 == 0 ? 0.7f : 0.3f)))
            .ToList();
        if (!touch)
        {
            await page.Mouse.MoveAsync(points[0].X, points[0].Y);
            await page.Mouse.DownAsync();
            foreach (var (x, y) in points.Skip(1)) await page.Mouse.MoveAsync(x, y, new() { Steps = 4 });
            await page.Mouse.UpAsync();
            return;
        }
        var cdp = await page.Context.NewCDPSessionAsync(page);
        async Task TouchAsync(string type, (float X, float Y)? at) => await cdp.SendAsync("Input.dispatchTouchEvent",
            new Dictionary<string, object>
            {
                ["type"] = type,
                ["touchPoints"] = at is { } p ? new object[] { new Dictionary<string, object> { ["x"] = p.X, ["y"] = p.Y } } : Array.Empty<object>(),
            });
        await TouchAsync("touchStart", points[0]);
        foreach (var point in points.Skip(1)) await TouchAsync("touchMove", point);
        await TouchAsync("touchEnd", null);
    }

    private static List<string> ScriptErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add($"console error: {m.Text}"); };
        page.PageError += (_, e) => errors.Add($"script error: {e}");
        return errors;
    }
}
