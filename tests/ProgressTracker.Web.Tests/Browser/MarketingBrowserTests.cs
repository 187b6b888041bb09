using System.Text.Json;
using Microsoft.Playwright;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Marketing;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>
/// The publishing journey in Chromium, each person in their own browser: marketing makes a case with a blur, the
/// patient approves the exact picture in the portal, an admin publishes the gallery, the public sees it; the
/// patient withdraws, the public page empties and the takedown checklist fills, and the patient is told.
/// </summary>
[Collection(BrowserApp.Name), Trait(Tier.Name, Tier.Browser)]
public sealed class MarketingBrowserTests(EmbeddedAppFixture fixture)
{
    [Theory]
    [InlineData(1440, false)]
    [InlineData(390, true)]
    public async Task Marketing_publishes_a_case_the_patient_approved_and_a_withdrawal_takes_it_down(int width, bool phone)
    {
        var app = fixture.App;
        var s = await MarketingSetup.CreateAsync(app);
        var consentId = await s.ConsentAsync(["website", "social-media"], review: true);
        var adminEmail = await MarketingSetup.AddAccountAsync(app, Roles.Admin);
        var series = Web.Features.Marketing.MarketingPhotoRefs.SeriesOf(Guid.Parse(s.Patient.Id));
        await using var session = await BrowserSession.StartAsync();

        // Marketing: pick a before and an after of the patient's series, blur a spot, render.
        var marketing = await session.SignedInAsAsync(app, s.MarketingEmail, width, 900, phone);
        Assert.Equal("/marketing", new Uri(marketing.Url).AbsolutePath); // "/" sends marketing to its workspace
        var card = marketing.Locator(".mk-series", new() { HasText = $"{series} · Left lateral" });
        await PagePixels.WaitForImagesAsync(marketing);
        await BrowserSession.ScreenshotWholePageAsync(marketing, $"marketing-photos-{width}.png");
        await card.Locator("input[name=before]").First.CheckAsync();
        await card.Locator("input[name=after]").Last.CheckAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Make a case" }).ClickAsync();
        await marketing.WaitForURLAsync("**/marketing/cases/new?**");
        await PagePixels.WaitForImagesAsync(marketing);
        var brush = marketing.Locator("#brush-image");
        await brush.ClickAsync(new() { Position = new() { X = 60, Y = 80 } });
        await Assertions.Expect(marketing.Locator("#blur-spots li")).ToHaveCountAsync(1);
        await Assertions.Expect(marketing.Locator(".mk-mark")).ToHaveCountAsync(1);
        await BrowserSession.ScreenshotWholePageAsync(marketing, $"marketing-new-case-{width}.png");
        await marketing.GetByRole(AriaRole.Button, new() { Name = "Render the case" }).ClickAsync();
        await marketing.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/marketing/cases/[0-9a-f-]{36}$"));
        var caseUrl = new Uri(marketing.Url).AbsolutePath;
        await Assertions.Expect(marketing.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "awaiting-patient",
            new() { Timeout = 60_000 });
        await PagePixels.WaitForImagesAsync(marketing);
        var code = (await marketing.Locator("h1 .mono").TextContentAsync())!;
        await BrowserSession.ScreenshotWholePageAsync(marketing, $"marketing-case-{width}.png");

        // The patient approves exactly this picture.
        var patient = await session.SignedInAsAsync(app, s.PatientEmail, width, 900, phone);
        await patient.GotoAsync("/me/pictures");
        var review = patient.Locator(".pictures-review", new() { HasText = "Do you approve this picture?" });
        await PagePixels.WaitForImagesAsync(patient);
        await BrowserSession.ScreenshotWholePageAsync(patient, $"portal-pictures-review-{width}.png");
        await review.GetByRole(AriaRole.Button, new() { Name = "Approve this picture" }).ClickAsync();
        await Assertions.Expect(patient.Locator(".pictures-review")).ToHaveCountAsync(0);
        await Assertions.Expect(patient.Locator($"[data-case='{code}']")).ToContainTextAsync("Not published");

        // Marketing saves a copy and puts the case in a gallery; it asks for approval.
        await marketing.GotoAsync(caseUrl);
        await Assertions.Expect(marketing.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "ready");
        var download = await marketing.RunAndWaitForDownloadAsync(() =>
            marketing.GetByRole(AriaRole.Link, new() { Name = "Download" }).ClickAsync());
        Assert.Equal($"case-{code}.jpg", download.SuggestedFilename);
        await marketing.GotoAsync("/marketing/galleries");
        await marketing.GetByLabel("Title").FillAsync($"Hip dips {width}");
        await marketing.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await marketing.WaitForURLAsync("**/marketing/galleries/*");
        var galleryUrl = new Uri(marketing.Url).AbsolutePath;
        await marketing.Locator("select[name=CaseId]").SelectOptionAsync(new SelectOptionValue { Label = $"{code} · Left lateral" });
        await marketing.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await marketing.GetByRole(AriaRole.Button, new() { Name = "Ask for approval" }).ClickAsync();
        await Assertions.Expect(marketing.Locator(".page-head [data-status]")).ToHaveAttributeAsync("data-status", "awaiting-approval");
        Assert.Equal(0, await marketing.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).CountAsync());

        // An admin, the second person, publishes.
        var admin = await session.SignedInAsAsync(app, adminEmail, width, 900, phone);
        await admin.GotoAsync(galleryUrl);
        await PagePixels.WaitForImagesAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        var publicUrl = (await admin.Locator("#public-url").GetAttributeAsync("href"))!;
        await Assertions.Expect(admin.Locator("#embed-snippet")).ToContainTextAsync("<iframe");
        await BrowserSession.ScreenshotWholePageAsync(admin, $"marketing-gallery-published-{width}.png");

        // The public, signed in as nobody.
        var visitor = await session.NewPageAsync(app, new() { ViewportSize = new() { Width = width, Height = 900 }, IsMobile = phone });
        await visitor.GotoAsync(publicUrl);
        await Assertions.Expect(visitor.Locator(".pg-grid img")).ToHaveCountAsync(1);
        await PagePixels.WaitForImagesAsync(visitor);
        Assert.True(await visitor.Locator(".pg-grid img").EvaluateAsync<int>("i => i.naturalWidth") > 100, "the public picture is drawn");
        var imageUrl = (await visitor.Locator(".pg-grid img").GetAttributeAsync("src"))!;
        await BrowserSession.ScreenshotWholePageAsync(visitor, $"public-gallery-{width}.png");

        // The patient withdraws in the portal: the public page empties, the image is gone, the checklist fills.
        await patient.GotoAsync("/me/consents");
        var consent = patient.Locator($"#consent-{consentId}");
        await consent.GetByRole(AriaRole.Link, new() { NameRegex = new("^Withdraw") }).ClickAsync();
        await patient.Locator(".withdraw-confirm").GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw my consent" }).ClickAsync();
        await Assertions.Expect(patient.Locator($"#consent-{consentId} [data-acted-on]")).ToContainTextAsync("1 picture");
        await BrowserSession.ScreenshotWholePageAsync(patient, $"portal-consent-acted-on-{width}.png");

        await visitor.ReloadAsync();
        await Assertions.Expect(visitor.Locator(".pg-empty")).ToBeVisibleAsync();
        Assert.Equal(410, (await visitor.APIRequest.GetAsync(imageUrl)).Status);
        await BrowserSession.ScreenshotWholePageAsync(visitor, $"public-gallery-emptied-{width}.png");

        await marketing.GotoAsync("/marketing/takedowns");
        var open = marketing.Locator("[data-takedown=open]", new() { HasText = $"Downloaded case picture {code}" });
        await Assertions.Expect(open).ToHaveCountAsync(1);
        await Assertions.Expect(marketing.Locator("[data-takedown=done]", new() { HasText = $"Published case {code}" })).ToHaveCountAsync(1);
        await BrowserSession.ScreenshotWholePageAsync(marketing, $"marketing-takedowns-{width}.png");
        await open.GetByLabel("How it was removed").FillAsync("Deleted from the shared drive");
        await open.GetByRole(AriaRole.Button, new() { Name = "Mark removed" }).ClickAsync();
        await Assertions.Expect(marketing.Locator("[data-takedown=open]", new() { HasText = code })).ToHaveCountAsync(0);

        await patient.GotoAsync("/me/pictures");
        await Assertions.Expect(patient.Locator($"[data-case='{code}'] .pictures-withdrawn")).ToContainTextAsync("2 of 2 copies");
        await BrowserSession.ScreenshotWholePageAsync(patient, $"portal-pictures-withdrawn-{width}.png");
    }
}
