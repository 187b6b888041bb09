using ProgressTracker.Web.Infrastructure.Identity;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Marketing;

/// <summary>
/// A seeded patient (three aligned left-lateral photos) with a portal account, a marketing account and staff, and
/// the steps the marketing tests share: consenting, making a case, publishing it.
/// </summary>
public sealed record MarketingSetup(TestApp App, SeededPatient Patient, ApiClient Staff, ApiClient PatientApi,
    ApiClient Marketing, string MarketingEmail, string PatientEmail)
{
    public const string Signature =
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    public static async Task<MarketingSetup> CreateAsync(TestApp app)
    {
        var patient = await SeededPatient.CreateAsync(app);
        var patientEmail = await PatientAccounts.LinkAsync(app, patient.Id);
        var marketingEmail = await AddAccountAsync(app, Roles.Marketing);
        return new MarketingSetup(app, patient, await ApiClient.SignInAsync(app), await ApiClient.SignInAsync(app, patientEmail),
            await ApiClient.SignInAsync(app, marketingEmail), marketingEmail, patientEmail);
    }

    public static async Task<string> AddAccountAsync(TestApp app, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@marketing.test";
        await using var scope = app.Services.CreateAsyncScope();
        var (user, error) = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(email, role, TestApp.Password, default);
        Assert.True(user is not null, error);
        return email;
    }

    /// <summary>The patient signs on screen; returns the consent id.</summary>
    public async Task<string> ConsentAsync(string[] uses, bool review = false, bool identifiable = false, string? expiresAt = null)
    {
        var response = await PatientApi.Http.PostAsJsonAsync($"/api/v1/patients/{Patient.Id}/consents", new
        {
            uses, coverage = new { kind = "views", views = new[] { "left-lateral" } }, identifiable, reviewEachPicture = review,
            expiresAt, method = "on-screen", signedName = "Jane Doe", signature = Signature,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>This patient's consented photos (the shared app holds other tests' patients too), by pseudonymous series.</summary>
    public async Task<JsonElement[]> PhotosAsync() =>
        (await Marketing.Http.GetFromJsonAsync<JsonElement>("/api/v1/marketing/photos?view=left-lateral"))
        .GetProperty("items").EnumerateArray()
        .Where(p => p.GetProperty("series").GetString() == Web.Features.Marketing.MarketingPhotoRefs.SeriesOf(Guid.Parse(Patient.Id)))
        .ToArray();

    /// <summary>A case from the first and last consented photo, rendered; returns it.</summary>
    public async Task<JsonElement> RenderedCaseAsync(object? crop = null, object[]? blur = null)
    {
        var photos = await PhotosAsync();
        Assert.True(photos.Length >= 2, $"expected at least two consented photos, got {photos.Length}");
        var made = await Marketing.Http.PostAsJsonAsync("/api/v1/marketing/cases", new
        {
            beforePhotoId = photos[0].GetProperty("id").GetString(), afterPhotoId = photos[^1].GetProperty("id").GetString(),
            crop = crop ?? "hip", blur = blur ?? [], caption = "Three sessions, one year", watermark = (string?)null,
        });
        Assert.True(made.StatusCode == HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
        var id = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return await SettledCaseAsync(id);
    }

    public Task<JsonElement> SettledCaseAsync(string id) =>
        Eventually.Async(() => Marketing.Http.GetFromJsonAsync<JsonElement>($"/api/v1/marketing/cases/{id}"),
            c => c.GetProperty("status").GetString() != "rendering", $"case {id} rendered", TimeSpan.FromSeconds(90));

    /// <summary>A gallery holding the case, submitted by marketing and approved by the clinician; returns it.</summary>
    public async Task<JsonElement> PublishedGalleryAsync(string caseId)
    {
        var created = await Marketing.Http.PostAsJsonAsync("/api/v1/galleries", new { title = "Hip dips, before and after" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await ExpectOkAsync(await Marketing.Http.PostAsJsonAsync($"/api/v1/galleries/{id}/items", new { caseId }));
        await ExpectOkAsync(await Marketing.Http.PostAsync($"/api/v1/galleries/{id}/submit", null));
        var approved = await Staff.Http.PostAsync($"/api/v1/galleries/{id}/approve", null);
        await ExpectOkAsync(approved);
        return await approved.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task ExpectOkAsync(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
}
