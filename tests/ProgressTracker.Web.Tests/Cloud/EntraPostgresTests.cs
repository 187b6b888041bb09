using ProgressTracker.Web.Infrastructure.Data;
using Azure.Core;
using Npgsql;
using ProgressTracker.Web.Infrastructure.Hosting;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Cloud;

/// <summary>
/// <c>Database:EntraAuthentication=true</c> on a real PostgreSQL: migrations, requests and background jobs (Hangfire in
/// a database of its own) all run on connections whose password came from the credential, asked for the Azure
/// Database for PostgreSQL scope. The local server trusts loopback connections, so it accepts whatever password; what
/// this proves is the wiring, not Entra ID, which cannot run here.
/// </summary>
[Trait(Tier.Name, Tier.Postgres)]
public sealed class EntraPostgresTests
{
    [Fact]
    public async Task App_and_job_storage_connect_with_a_token_from_the_credential()
    {
        var credential = new CountingCredential();
        var jobs = await TestServices.CreateDatabaseAsync();
        await using var app = await TestApp.StartAsync(StorageMode.Production,
            services => services.AddSingleton(new AzureCredentials(credential)),
            extraSettings: ["--Database:EntraAuthentication=true", $"--ConnectionStrings:Jobs={jobs}"]);

        await SeededPatient.CreateAsync(app); // uploads, then waits for the jobs to process and align every photo

        var sources = app.Services.GetRequiredService<EntraPostgres>();
        Assert.NotSame(sources.App, sources.Jobs);
        Assert.Equal(new NpgsqlConnectionStringBuilder(jobs).Database,
            new NpgsqlConnectionStringBuilder(sources.Jobs.ConnectionString).Database);
        Assert.All(credential.Scopes, s => Assert.Equal(EntraPostgres.Scope, s));
        Assert.True(credential.Scopes.Count >= 2, $"{credential.Scopes.Count} token(s): one per data source expected");
        await using var connection = await sources.Jobs.OpenConnectionAsync();
        await using var count = new NpgsqlCommand("select count(*) from hangfire.job", connection);
        Assert.True((long)(await count.ExecuteScalarAsync())! > 0, "the jobs ran from the Entra data source's database");
    }

    private sealed class CountingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext request, CancellationToken ct)
        {
            lock (Scopes) Scopes.AddRange(request.Scopes);
            return new AccessToken("entra-access-token", TimeProvider.System.GetUtcNow().AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext request, CancellationToken ct) =>
            ValueTask.FromResult(GetToken(request, ct));
    }
}
