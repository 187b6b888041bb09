using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Infrastructure.Data;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;
using Xunit.Abstractions;

namespace ProgressTracker.Web.Tests.Marketing;

/// <summary>
/// The consent matrix: each use × each state (active, expired by moving a fake clock, revoked, pending paper form)
/// decides whether marketing sees a photo, and only a marketing use that holds today opens anything. An expiry
/// takes a published picture down with no request to trigger it.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class ConsentMatrixTests(ITestOutputHelper output)
{
    private static readonly string[] Uses = ["clinical", "portal", "education", "website", "social-media", "publication"];
    private static readonly string[] MarketingUses = ["website", "social-media", "publication"];
    /// <summary>The seeded patient's photos: three left lateral and two front, all covered by an all-photos consent.</summary>
    private const int AllPhotos = 5;

    [Fact]
    public async Task Only_an_active_consent_with_a_marketing_use_opens_photos_to_marketing()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = await StartAsync(clock);
        var s = await MarketingSetup.CreateAsync(app);
        var failures = new List<string>();
        foreach (var use in Uses)
        {
            foreach (var state in new[] { "active", "expired", "revoked", "pending" })
            {
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var id = await AddConsentAsync(app, s.Patient.Id, use, state, today);
                if (state == "expired")
                {
                    // Valid until tomorrow: seen (when a marketing use) today, then the clock moves past it.
                    var before = (await PhotosAsync(app, s.MarketingEmail, s)).Length;
                    if (before != (MarketingUses.Contains(use) ? AllPhotos : 0)) failures.Add($"{use} before expiry: {before} photos");
                    clock.Advance(TimeSpan.FromDays(2));
                }
                var seen = (await PhotosAsync(app, s.MarketingEmail, s)).Length;
                var expected = state == "active" && MarketingUses.Contains(use) ? AllPhotos : 0;
                if (seen != expected) failures.Add($"{use} × {state}: marketing saw {seen} photos, expected {expected}");
                await RemoveAsync(app, id);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Roles: a patient (even this one) is refused the marketing list; staff see what marketing sees.
        await AddConsentAsync(app, s.Patient.Id, "website", "active", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var patient = await ApiClient.SignInAsync(app, s.PatientEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.Http.GetAsync("/api/v1/marketing/photos")).StatusCode);
        Assert.Equal(AllPhotos, (await PhotosAsync(app, TestApp.ClinicianEmail, s)).Length);
    }

    [Fact]
    public async Task Marketing_reaches_no_photo_without_consent_through_any_endpoint_and_sees_no_ids_names_or_dates()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = await StartAsync(clock);
        var s = await MarketingSetup.CreateAsync(app);
        var other = await SeededPatient.CreateAsync(app); // never consented
        await s.ConsentAsync(["website"]);
        var marketing = s.Marketing.Http;

        var listing = await marketing.GetStringAsync("/api/v1/marketing/photos");
        foreach (var secret in s.Patient.LateralPhotos.Concat(other.LateralPhotos).Append(s.Patient.Id).Append(other.Id))
            Assert.DoesNotContain(secret, listing, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("2026-", listing); // no visit dates
        Assert.DoesNotContain("Test P.", listing); // no names
        var items = JsonDocument.Parse(listing).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        var display = await marketing.GetAsync(items[0].GetProperty("media").GetProperty("display").GetString());
        Assert.Equal(HttpStatusCode.OK, display.StatusCode);
        var fileName = display.Content.Headers.ContentDisposition?.FileNameStar ?? display.Content.Headers.ContentDisposition?.FileName ?? "";
        Assert.Matches("^\"?[0-9a-f]{32}\\.jpg\"?$", fileName);

        // Every photo endpoint, with the unconsented patient's real ids and references forged from them: nothing.
        foreach (var photo in other.LateralPhotos)
        {
            foreach (var url in new[]
                     {
                         $"/api/v1/photos/{photo}", $"/api/v1/photos/{photo}/media/display", $"/api/v1/photos/{photo}/media/thumb",
                         $"/api/v1/photos/{photo}/media/aligned", $"/api/v1/photos/{photo}/media/original",
                         $"/api/v1/marketing/photos/{photo}/display", $"/api/v1/patients/{other.Id}/timeline",
                         $"/api/v1/patients/{other.Id}", $"/api/v1/patients/{other.Id}/visits",
                     })
            {
                var response = await marketing.GetAsync(url);
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
            }
            var forged = await marketing.PostAsJsonAsync("/api/v1/marketing/cases",
                new { beforePhotoId = photo, afterPhotoId = other.LateralPhotos[^1], crop = "hip" });
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.Contains("not one of the photos marketing may use", await forged.Content.ReadAsStringAsync());
        }
        // The consented patient's clinical endpoints stay closed too: consent opens renderings, not records.
        Assert.Equal(HttpStatusCode.NotFound, (await marketing.GetAsync($"/api/v1/photos/{s.Patient.LateralPhotos[0]}/media/display")).StatusCode);
        // A patient list shows marketing nothing.
        var patients = await marketing.GetFromJsonAsync<JsonElement>("/api/v1/patients");
        Assert.Equal(0, patients.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_expiry_takes_a_published_picture_down_without_any_request_within_60_seconds()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = await StartAsync(clock);
        var s = await MarketingSetup.CreateAsync(app);
        var expires = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(5);
        await s.ConsentAsync(["website"], expiresAt: expires.ToString("yyyy-MM-dd"));
        var caseId = (await s.RenderedCaseAsync()).GetProperty("id").GetString()!;
        var gallery = await s.PublishedGalleryAsync(caseId);
        var imageUrl = new Uri(gallery.GetProperty("items")[0].GetProperty("imageUrl").GetString()!).PathAndQuery;
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(imageUrl)).StatusCode);

        clock.Advance(TimeSpan.FromDays(6));
        var watch = Stopwatch.StartNew();
        // Only the database is watched: no public request may be what triggers the takedown.
        await Eventually.TrueAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return (await db.MarketingCases.AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(caseId))).Status == CaseStatus.Withdrawn;
        }, "the expired case withdrawn by the sweep", TimeSpan.FromSeconds(60));
        output.WriteLine($"Expiry to withdrawal by the sweep alone: {watch.Elapsed.TotalMilliseconds:0} ms (limit 60 000 ms)");
        Assert.Equal(HttpStatusCode.Gone, (await anonymous.GetAsync(imageUrl)).StatusCode);
        var marketing = await ApiClient.SignInAsync(app, s.MarketingEmail);
        var reason = (await marketing.Http.GetFromJsonAsync<JsonElement>($"/api/v1/marketing/cases/{caseId}")).GetProperty("withdrawnReason").GetString();
        Assert.Contains("expired", reason);
    }

    /// <summary>
    /// The app on a clock the test moves by days. A fake clock fires a periodic timer once per period it passes, so the
    /// sweeps tick hourly here (the suite's one-second sweep would fire half a million times in six days).
    /// </summary>
    private static Task<TestApp> StartAsync(FakeTimeProvider clock) =>
        TestApp.StartAsync(StorageMode.Embedded, s => s.AddSingleton<TimeProvider>(clock), extraSettings: "--Jobs:SweepInterval=01:00:00");

    private static async Task<JsonElement[]> PhotosAsync(TestApp app, string email, MarketingSetup s)
    {
        // Signed in afresh each time: the fake clock may have moved past a token's life.
        var client = await ApiClient.SignInAsync(app, email);
        var series = Web.Features.Marketing.MarketingPhotoRefs.SeriesOf(Guid.Parse(s.Patient.Id));
        return (await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/marketing/photos")).GetProperty("items")
            .EnumerateArray().Where(p => p.GetProperty("series").GetString() == series).ToArray();
    }

    private static async Task<Guid> AddConsentAsync(TestApp app, string patientId, string use, string state, DateOnly today)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var consent = new Consent
        {
            PatientId = Guid.Parse(patientId), Uses = [EnumNames.TryParse<ConsentUse>(use, out var parsed) ? parsed : throw new ArgumentException(use)], CoverageKind = ConsentCoverageKind.All,
            ExpiresOn = state == "expired" ? today.AddDays(1) : today.AddYears(2), TextVersion = "matrix", TextMarkdown = "text",
            TextSha256 = "none", SignedName = "Jane Doe", CreatedAt = now,
            Method = state == "pending" ? ConsentMethod.PaperForm : ConsentMethod.OnScreen,
        };
        if (state != "pending") consent.Grant(now);
        if (state == "revoked") consent.Revoke(now, null, "portal");
        db.Consents.Add(consent);
        await db.SaveChangesAsync();
        return consent.Id;
    }

    private static async Task RemoveAsync(TestApp app, Guid consentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Consents.Where(c => c.Id == consentId).ExecuteDeleteAsync();
    }
}
