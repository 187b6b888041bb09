using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Api;

/// <summary>Every rejection is a 4xx ProblemDetails with a message a person can act on, and stores nothing.</summary>
/// <remarks>
/// The class has an app of its own, shared by its tests only: none of them stores a photo, so each can still assert
/// that the whole database and blob store hold none.
/// </remarks>
[Trait(Tier.Name, Tier.Fast)]
public sealed class BadInputTests(EmbeddedAppFixture fixture) : IAsyncLifetime, IClassFixture<EmbeddedAppFixture>
{
    private TestApp App => fixture.App;
    private ApiClient _api = null!;
    private string _visitId = "";

    public async Task InitializeAsync()
    {
        _api = await ApiClient.SignInAsync(App);
        var patient = await _api.CreatePatientAsync();
        _visitId = (await _api.CreateVisitAsync(patient.GetProperty("id").GetString()!)).GetProperty("id").GetString()!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, int, string> RejectedFiles => new()
    {
        { "pdf", 415, "this file is a PDF" },
        { "text", 415, "HEIC, JPEG, PNG, WebP, AVIF and TIFF are accepted" },
        { "empty", 400, "The file is empty" },
        { "truncated-jpeg", 422, "incomplete" },
    };

    [Theory]
    [MemberData(nameof(RejectedFiles))]
    public async Task Rejected_files_get_a_clear_problem_and_nothing_is_stored(string kind, int status, string message)
    {
        var bytes = kind switch
        {
            "pdf" => "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"u8.ToArray(),
            "text" => "hello, this is not a photo"u8.ToArray(),
            "empty" => [],
            _ => TestImages.Jpeg()[..20_000],
        };

        var response = await _api.UploadAsync(_visitId, bytes, fileName: "upload.jpg");

        await AssertProblemAsync(response, status, message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Unknown_view_is_rejected_listing_the_views()
    {
        var response = await _api.UploadAsync(_visitId, TestImages.Jpeg(), view: "sideways");
        await AssertProblemAsync(response, 400, "front, back, left-lateral, right-lateral, left-oblique, right-oblique");
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Unknown_visit_and_malformed_ids_are_told_apart()
    {
        await AssertProblemAsync(await _api.UploadAsync(Guid.NewGuid().ToString(), TestImages.Jpeg()), 404, "No visit");
        await AssertProblemAsync(await _api.UploadAsync("not-a-guid", TestImages.Jpeg()), 400, "is not a valid visit id");
        await AssertProblemAsync(await _api.Http.GetAsync($"/api/v1/photos/{Guid.NewGuid()}"), 404, "No photo");
        await AssertProblemAsync(await _api.Http.GetAsync($"/api/v1/patients/{Guid.NewGuid()}/timeline?view=up"), 400, "is not a view");
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Missing_or_wrong_credentials_get_401_problems()
    {
        using var anonymous = App.CreateClient();
        var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Jpeg()), "file", "a.jpg" } };
        await AssertProblemAsync(await anonymous.PostAsync($"/api/v1/visits/{_visitId}/photos", form), 401, null);
        await AssertProblemAsync(await anonymous.GetAsync("/api/v1/patients"), 401, null);

        var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/login",
            new { email = TestApp.ClinicianEmail, password = "not-the-password" });
        await AssertProblemAsync(wrong, 401, "email or password is not correct");

        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "forged-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/patients")).StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Invalid_patient_and_visit_input_is_explained()
    {
        var noName = await _api.Http.PostAsJsonAsync("/api/v1/patients", new { recordNumber = "X-1" });
        await AssertProblemAsync(noName, 400, "display name");
        var patient = await _api.CreatePatientAsync("DUP-1");
        var duplicate = await _api.Http.PostAsJsonAsync("/api/v1/patients", new { displayName = "B", recordNumber = "DUP-1" });
        await AssertProblemAsync(duplicate, 409, "DUP-1 already exists");
        var badKind = await _api.Http.PostAsJsonAsync($"/api/v1/patients/{patient.GetProperty("id")}/visits",
            new { date = "2026-01-01", kind = "checkup" });
        await AssertProblemAsync(badKind, 400, "baseline, treatment, follow-up, other");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string? detailContains)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        if (detailContains is not null)
            Assert.Contains(detailContains, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Photos.CountAsync());
        var blobs = Path.Combine(App.DataDirectory, "blobs");
        var files = Directory.Exists(blobs) ? Directory.GetFiles(blobs, "*", SearchOption.AllDirectories) : [];
        Assert.Empty(files);
    }
}
