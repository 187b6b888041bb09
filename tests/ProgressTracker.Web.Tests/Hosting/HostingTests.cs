using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Hosting;

/// <summary>Health and OpenAPI on both configurations.</summary>
public abstract class HostingContract
{
    protected abstract TestApp App { get; }

    [Fact]
    public async Task Health_is_200_when_database_blobs_and_job_storage_answer()
    {
        using var http = App.CreateClient();
        var response = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", body.GetProperty("status").GetString());

        var admin = await SignInAdminAsync(App);
        var details = await admin.Http.GetFromJsonAsync<JsonElement>("/health/details");
        Assert.Equal("healthy", details.GetProperty("status").GetString());
        foreach (var check in new[] { "database", "blob-store", "job-storage" })
            Assert.Equal("healthy", details.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
    }

    /// <summary>Anyone can ask whether the app is up; what is behind it (which store, which error) is for admins.</summary>
    [Fact]
    public async Task Health_details_are_for_admins_only()
    {
        using var anonymous = App.CreateClient();
        var body = await anonymous.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal(["status"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/health/details")).StatusCode);
        var asked = await anonymous.GetFromJsonAsync<JsonElement>("/health?details=true");
        Assert.Equal(["status"], asked.EnumerateObject().Select(p => p.Name));

        var clinician = await ApiClient.SignInAsync(App);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.Http.GetAsync("/health/details")).StatusCode);
        var asClinician = await clinician.Http.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal(["status"], asClinician.EnumerateObject().Select(p => p.Name));
    }

    protected static async Task<ApiClient> SignInAdminAsync(TestApp app)
    {
        const string email = "admin@test.local";
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>()
                .AddAsync(email, Roles.Admin, TestApp.Password, CancellationToken.None); // no-op if present
        return await ApiClient.SignInAsync(app, email);
    }
}

/// <summary>The embedded app; the tests that break or seed an app start one of their own.</summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class HostingTests(EmbeddedAppFixture fixture) : HostingContract
{
    protected override TestApp App => fixture.App;

    [Fact]
    public async Task Health_is_503_when_the_blob_store_is_gone()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded);
        using var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        Directory.Delete(Path.Combine(app.DataDirectory, "blobs"), recursive: true);
        var response = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.DoesNotContain("blob", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode); // liveness checks nothing

        var admin = await SignInAdminAsync(app);
        using var details = await admin.Http.GetAsync("/health/details");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, details.StatusCode);
        var checks = (await details.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        Assert.Equal("unhealthy", checks.GetProperty("blob-store").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_worker_answers_health_with_its_status_only()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded, role: "Worker");
        using var http = app.CreateClient();
        using var response = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["status"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/patients")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_v1_endpoints()
    {
        using var http = App.CreateClient();
        var doc = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/v1/auth/login", "/api/v1/patients", "/api/v1/patients/{id}", "/api/v1/patients/{id}/visits",
                     "/api/v1/visits/{id}/photos", "/api/v1/photos/{id}", "/api/v1/photos/{id}/media/{variant}",
                     "/api/v1/patients/{id}/timeline",
                 })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
    }

    [Fact]
    public async Task Embedded_default_seeds_a_demo_clinic_whose_photos_all_become_ready()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded, seedDemo: true);
        var accounts = await File.ReadAllLinesAsync(Path.Combine(app.DataDirectory, "demo-accounts.txt"));
        Assert.Equal(["Clinician", "Admin", "Patient", "Marketing"], accounts.Select(a => a.Split('\t')[0]));

        var clinician = accounts[0].Split('\t');
        var api = await ApiClient.SignInAsync(app, clinician[1], clinician[2]);
        var patients = await api.Http.GetFromJsonAsync<JsonElement>("/api/v1/patients");
        Assert.Equal(3, patients.GetProperty("total").GetInt32());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await Eventually.TrueAsync(async () => !await db.Photos.AnyAsync(p => p.Status != PhotoStatus.Ready),
            "every demo photo ready", TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(500));
        Assert.True(await db.Photos.CountAsync() >= 20);
        Assert.False(await db.Photos.AnyAsync(p => p.Status != PhotoStatus.Ready));
    }
}

[Collection(ProductionApp.Name), Trait(Tier.Name, Tier.Postgres)]
public sealed class HostingProductionTests(ProductionAppFixture fixture) : HostingContract
{
    protected override TestApp App => fixture.App;
}
