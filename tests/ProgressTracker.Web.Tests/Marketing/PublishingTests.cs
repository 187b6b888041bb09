using ProgressTracker.Web.Infrastructure.Identity;
using Xunit.Abstractions;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Imaging.Composition;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Marketing;

/// <summary>
/// From consent to public page and back: a case is made from consented photos, approved by the patient (bound to the
/// picture's hash), published by a second person; the patient's withdrawal empties the public page and answers 410
/// for its image within 60 seconds, and every copy that left the app is on the takedown list.
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class PublishingTests(EmbeddedAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Withdrawal_takes_the_picture_off_the_public_page_within_60_seconds_and_fills_the_takedown_list()
    {
        var s = await MarketingSetup.CreateAsync(fixture.App);
        var consentId = await s.ConsentAsync(["website", "social-media"], review: true);
        var @case = await s.RenderedCaseAsync(blur: [new { x = 300.0, y = 500.0, radius = 40.0 }]);
        Assert.True(@case.GetProperty("status").GetString() == "awaiting-patient", @case.ToString());
        var caseId = @case.GetProperty("id").GetString()!;

        // Approval is bound to the exact picture: a stale hash is refused, the shown one is accepted.
        var mine = (await s.PatientApi.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/cases")).GetProperty("items")[0];
        Assert.True(mine.GetProperty("awaitingApproval").GetBoolean());
        var stale = await s.PatientApi.Http.PostAsJsonAsync($"/api/v1/me/cases/{caseId}/approve", new { sha256 = new string('0', 64) });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var shown = await s.PatientApi.Http.GetByteArrayAsync($"/api/v1/me/cases/{caseId}/image");
        Assert.Equal(mine.GetProperty("imageSha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(shown)));
        await MarketingSetup.ExpectOkAsync(await s.PatientApi.Http.PostAsJsonAsync($"/api/v1/me/cases/{caseId}/approve",
            new { sha256 = mine.GetProperty("imageSha256").GetString() }));

        // Provenance: the visible code is on the picture, the case and consent ids are in its metadata.
        var downloaded = await s.Marketing.Http.GetAsync($"/api/v1/marketing/cases/{caseId}/image?download=true");
        await MarketingSetup.ExpectOkAsync(downloaded);
        var provenance = CaseMetadata.Read(await downloaded.Content.ReadAsByteArrayAsync());
        Assert.NotNull(provenance);
        Assert.Equal(Guid.Parse(caseId), provenance.CaseId);
        Assert.Contains(Guid.Parse(consentId), provenance.ConsentIds);

        // Marketing alone cannot publish: the second person is the clinician.
        var gallery = await s.PublishedGalleryAsync(caseId);
        Assert.Equal("published", gallery.GetProperty("status").GetString());
        var publicUrl = new Uri(gallery.GetProperty("publicUrl").GetString()!).PathAndQuery;
        var imageUrl = new Uri(gallery.GetProperty("items")[0].GetProperty("imageUrl").GetString()!).PathAndQuery;
        var anonymous = fixture.App.CreateClient();
        var page = await anonymous.GetStringAsync(publicUrl);
        Assert.Contains(imageUrl, page);
        var image = await anonymous.GetAsync(imageUrl);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.True(image.Headers.CacheControl?.MaxAge <= TimeSpan.FromSeconds(60), "public images are cached briefly only");

        // The patient withdraws; the clock runs until the public side shows it.
        var clock = Stopwatch.StartNew();
        await MarketingSetup.ExpectOkAsync(await s.PatientApi.Http.PostAsync($"/api/v1/consents/{consentId}/revoke", null));
        await Eventually.TrueAsync(async () =>
                (await anonymous.GetAsync(imageUrl)).StatusCode == HttpStatusCode.Gone
                && !(await anonymous.GetStringAsync(publicUrl)).Contains(imageUrl, StringComparison.Ordinal),
            "the picture gone from the public page", TimeSpan.FromSeconds(60));
        output.WriteLine($"Withdrawal to 410 Gone and an empty public page: {clock.Elapsed.TotalMilliseconds:0} ms (limit 60 000 ms)");

        var takedowns = (await s.Marketing.Http.GetFromJsonAsync<JsonElement>("/api/v1/takedowns")).GetProperty("items")
            .EnumerateArray().Where(t => t.GetProperty("caseId").GetString() == caseId).ToList();
        Assert.Contains(takedowns, t => t.GetProperty("status").GetString() == "open" && t.GetProperty("what").GetString()!.StartsWith("Downloaded", StringComparison.Ordinal)
                                        && t.GetProperty("by").GetString() == s.MarketingEmail);
        Assert.Contains(takedowns, t => t.GetProperty("status").GetString() == "done" && t.GetProperty("what").GetString()!.StartsWith("Published", StringComparison.Ordinal));
        var open = takedowns.Single(t => t.GetProperty("status").GetString() == "open").GetProperty("id").GetString();
        await MarketingSetup.ExpectOkAsync(await s.Marketing.Http.PostAsJsonAsync($"/api/v1/takedowns/{open}/done", new { note = "Deleted the post" }));

        // The patient sees that the withdrawal was acted on; the case can no longer be used.
        var after = (await s.PatientApi.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/cases")).GetProperty("items")[0];
        Assert.Equal("withdrawn", after.GetProperty("status").GetString());
        Assert.Equal(2, after.GetProperty("copiesToTakeDown").GetInt32());
        Assert.Equal(2, after.GetProperty("copiesTakenDown").GetInt32());
        Assert.Equal(HttpStatusCode.Gone, (await s.Marketing.Http.GetAsync($"/api/v1/marketing/cases/{caseId}/image")).StatusCode);
        Assert.Empty(await s.PhotosAsync());
        var log = await s.PatientApi.Http.GetStringAsync("/api/v1/me/access-log");
        Assert.Contains("case.published", log);
        Assert.Contains("case.downloaded", log);
    }

    [Fact]
    public async Task An_edit_after_approval_needs_a_new_approval_and_a_case_in_a_gallery_cannot_be_changed()
    {
        var s = await MarketingSetup.CreateAsync(fixture.App);
        await s.ConsentAsync(["website"], review: true);
        var @case = await s.RenderedCaseAsync();
        var caseId = @case.GetProperty("id").GetString()!;
        var firstHash = @case.GetProperty("imageSha256").GetString();
        await MarketingSetup.ExpectOkAsync(await s.PatientApi.Http.PostAsJsonAsync($"/api/v1/me/cases/{caseId}/approve", new { sha256 = firstHash }));
        Assert.Equal("ready", (await s.SettledCaseAsync(caseId)).GetProperty("status").GetString());

        var edited = await s.Marketing.Http.PutAsJsonAsync($"/api/v1/marketing/cases/{caseId}",
            new { crop = "hip", blur = new[] { new { x = 320.0, y = 520.0, radius = 30.0 } }, caption = "Changed" });
        await MarketingSetup.ExpectOkAsync(edited);
        var again = await s.SettledCaseAsync(caseId);
        Assert.Equal("awaiting-patient", again.GetProperty("status").GetString());
        Assert.NotEqual(firstHash, again.GetProperty("imageSha256").GetString());
        // The old approval does not carry over, and an unapproved case cannot go into a gallery.
        var gallery = await s.Marketing.Http.PostAsJsonAsync("/api/v1/galleries", new { title = "Edits" });
        var galleryId = (await gallery.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var add = await s.Marketing.Http.PostAsJsonAsync($"/api/v1/galleries/{galleryId}/items", new { caseId });
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.Contains("waiting for the patient", await add.Content.ReadAsStringAsync());

        await MarketingSetup.ExpectOkAsync(await s.PatientApi.Http.PostAsJsonAsync($"/api/v1/me/cases/{caseId}/approve",
            new { sha256 = again.GetProperty("imageSha256").GetString() }));
        await s.PublishedGalleryAsync(caseId);
        var locked = await s.Marketing.Http.PutAsJsonAsync($"/api/v1/marketing/cases/{caseId}", new { crop = "hip", caption = "Again" });
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
    }

    [Fact]
    public async Task Publishing_takes_a_second_person_and_a_consent_for_the_website()
    {
        var s = await MarketingSetup.CreateAsync(fixture.App);
        await s.ConsentAsync(["social-media"]); // marketing may use the photos, but not on the website
        var @case = await s.RenderedCaseAsync();
        Assert.Equal("ready", @case.GetProperty("status").GetString());
        var caseId = @case.GetProperty("id").GetString();
        var gallery = await s.Staff.Http.PostAsJsonAsync("/api/v1/galleries", new { title = "Website" });
        var galleryId = (await gallery.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var add = await s.Staff.Http.PostAsJsonAsync($"/api/v1/galleries/{galleryId}/items", new { caseId });
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.Contains("website", await add.Content.ReadAsStringAsync());

        await s.ConsentAsync(["website"]);
        await s.Staff.Http.PostAsJsonAsync($"/api/v1/galleries/{galleryId}/items", new { caseId });
        await MarketingSetup.ExpectOkAsync(await s.Staff.Http.PostAsync($"/api/v1/galleries/{galleryId}/submit", null));
        // The clinician who submitted may not approve; marketing never may; another staff member may.
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Staff.Http.PostAsync($"/api/v1/galleries/{galleryId}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Marketing.Http.PostAsync($"/api/v1/galleries/{galleryId}/approve", null)).StatusCode);
        var admin = await ApiClient.SignInAsync(fixture.App, await MarketingSetup.AddAccountAsync(fixture.App, Roles.Admin));
        var approved = await admin.Http.PostAsync($"/api/v1/galleries/{galleryId}/approve", null);
        await MarketingSetup.ExpectOkAsync(approved);
        Assert.Equal("published", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_chosen_crop_box_is_rendered_and_a_box_outside_the_photo_fails_with_a_reason()
    {
        var s = await MarketingSetup.CreateAsync(fixture.App);
        await s.ConsentAsync(["website"]);
        var boxed = await s.RenderedCaseAsync(crop: new { x = 100, y = 150, width = 400, height = 500 });
        Assert.Equal("ready", boxed.GetProperty("status").GetString());
        Assert.Equal("100,150,400,500", boxed.GetProperty("crop").GetString());
        var outside = await s.RenderedCaseAsync(crop: new { x = 5000, y = 5000, width = 400, height = 500 });
        Assert.Equal("failed", outside.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(outside.GetProperty("failureReason").GetString()));
        // Without consent to identifiable features, the whole photo is refused up front.
        var photos = await s.PhotosAsync();
        var whole = await s.Marketing.Http.PostAsJsonAsync("/api/v1/marketing/cases", new
        {
            beforePhotoId = photos[0].GetProperty("id").GetString(), afterPhotoId = photos[^1].GetProperty("id").GetString(), crop = "none",
        });
        Assert.Equal(HttpStatusCode.BadRequest, whole.StatusCode);
        Assert.Contains("identifiable", await whole.Content.ReadAsStringAsync());
    }
}
