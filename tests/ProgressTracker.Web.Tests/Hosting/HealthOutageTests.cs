using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Hosting;

/// <summary>
/// Degraded versus down, with real PostgreSQL and Azurite behind a relay that is cut for real (connections refused):
/// the rule per role is written on <c>Features/Health/HealthChecks</c>.
/// </summary>
[Trait(Tier.Name, Tier.Postgres)]
public sealed partial class HealthOutageTests
{
    [Fact]
    public async Task Web_role_without_job_storage_is_degraded_and_still_takes_uploads()
    {
        var jobs = new NpgsqlConnectionStringBuilder(await TestServices.CreateDatabaseAsync());
        await using var relay = new TcpRelay(jobs.Host!, jobs.Port);
        jobs.Host = "127.0.0.1";
        jobs.Port = relay.Port;
        await using var app = await TestApp.StartAsync(StorageMode.Production, role: "Web",
            extraSettings: [$"--ConnectionStrings:Jobs={jobs.ConnectionString}", "--Jobs:StuckAfter=01:00:00"]);
        using var http = app.CreateClient();
        Assert.Equal("healthy", await StatusAsync(http, "/health", HttpStatusCode.OK));

        await relay.CutAsync();
        Assert.Equal("degraded", await StatusAsync(http, "/health", HttpStatusCode.OK));
        Assert.Equal("healthy", await StatusAsync(http, "/health/live", HttpStatusCode.OK));
        var checks = await DetailsAsync(app, HttpStatusCode.OK);
        Assert.Equal("degraded", checks.GetProperty("job-storage").GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetProperty("database").GetProperty("status").GetString());

        // The core paths still work: a photo is stored (Pending, for the sweep to queue later) and can be read.
        var api = await ApiClient.SignInAsync(app);
        var patient = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var visit = (await api.CreateVisitAsync(patient)).GetProperty("id").GetString()!;
        using var upload = await api.UploadAsync(visit, TestImages.Jpeg(seed: 4), "front");
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal("pending", (await api.GetPhotoAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Worker_without_job_storage_is_unhealthy()
    {
        var jobs = new NpgsqlConnectionStringBuilder(await TestServices.CreateDatabaseAsync());
        await using var relay = new TcpRelay(jobs.Host!, jobs.Port);
        jobs.Host = "127.0.0.1";
        jobs.Port = relay.Port;
        await using var app = await TestApp.StartAsync(StorageMode.Production, role: "Worker",
            extraSettings: [$"--ConnectionStrings:Jobs={jobs.ConnectionString}"]);
        using var http = app.CreateClient();
        Assert.Equal("healthy", await StatusAsync(http, "/health", HttpStatusCode.OK));

        await relay.CutAsync();
        Assert.Equal("unhealthy", await StatusAsync(http, "/health", HttpStatusCode.ServiceUnavailable));
        Assert.Equal("healthy", await StatusAsync(http, "/health/live", HttpStatusCode.OK));
    }

    [Fact]
    public async Task Web_role_without_the_blob_store_is_unhealthy()
    {
        var azurite = TestServices.Azurite;
        var port = int.Parse(BlobPort().Match(azurite).Groups[1].Value);
        await using var relay = new TcpRelay("127.0.0.1", port);
        var relayed = BlobPort().Replace(azurite, $"127.0.0.1:{relay.Port}/");
        await using var app = await TestApp.StartAsync(StorageMode.Production, role: "Web",
            extraSettings: [$"--Storage:AzureConnectionString={relayed}"]);
        using var http = app.CreateClient();
        Assert.Equal("healthy", await StatusAsync(http, "/health", HttpStatusCode.OK));

        await relay.CutAsync();
        Assert.Equal("unhealthy", await StatusAsync(http, "/health", HttpStatusCode.ServiceUnavailable));
        Assert.Equal("healthy", await StatusAsync(http, "/health/live", HttpStatusCode.OK));
        var checks = await DetailsAsync(app, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unhealthy", checks.GetProperty("blob-store").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Without_the_database_every_role_is_unhealthy()
    {
        var database = new NpgsqlConnectionStringBuilder(await TestServices.CreateDatabaseAsync());
        await using var relay = new TcpRelay(database.Host!, database.Port);
        database.Host = "127.0.0.1";
        database.Port = relay.Port;
        await using var app = await TestApp.StartAsync(StorageMode.Production, role: "Web",
            extraSettings: [$"--ConnectionStrings:Postgres={database.ConnectionString}"]);
        using var http = app.CreateClient();
        Assert.Equal("healthy", await StatusAsync(http, "/health", HttpStatusCode.OK));

        await relay.CutAsync();
        Assert.Equal("unhealthy", await StatusAsync(http, "/health", HttpStatusCode.ServiceUnavailable));
        Assert.Equal("healthy", await StatusAsync(http, "/health/live", HttpStatusCode.OK));
    }

    private static async Task<string?> StatusAsync(HttpClient http, string path, HttpStatusCode expected)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["status"], body.EnumerateObject().Select(p => p.Name));
        return body.GetProperty("status").GetString();
    }

    /// <summary>/health/details as an admin; an admin account is made in the database first, so only while it answers.</summary>
    private static async Task<JsonElement> DetailsAsync(TestApp app, HttpStatusCode expected)
    {
        const string email = "admin@test.local";
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProgressTracker.Web.Infrastructure.Identity.UserAccounts>()
                .AddAsync(email, ProgressTracker.Web.Infrastructure.Identity.Roles.Admin, TestApp.Password, CancellationToken.None);
        var admin = await ApiClient.SignInAsync(app, email);
        using var response = await admin.Http.GetAsync("/health/details");
        Assert.Equal(expected, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
    }

    /// <summary>The blob endpoint's host and port in an Azurite connection string.</summary>
    [GeneratedRegex(@"127\.0\.0\.1:(\d+)/")]
    private static partial Regex BlobPort();
}
