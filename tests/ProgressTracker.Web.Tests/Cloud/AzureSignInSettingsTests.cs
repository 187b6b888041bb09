using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Hosting;
using ProgressTracker.Web.Infrastructure.Storage;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Cloud;

/// <summary>
/// Both ways of reaching Azure Storage (connection string with a key, or service URI + managed identity) and both of
/// reaching PostgreSQL (password, or Entra ID token) are recognised, and a contradictory or incomplete combination
/// stops the start with a message naming the setting. Building the app contacts no service, so this runs anywhere.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class AzureSignInSettingsTests
{
    private const string ServiceUri = "https://ptclinic.blob.core.windows.net";
    private const string ClientId = "6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
    private const string Azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" +
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    [Theory]
    [InlineData("neither Storage:AzureConnectionString nor Storage:AzureServiceUri is set")]
    [InlineData("both set", "--Storage:AzureConnectionString=" + Azurite, "--Storage:AzureServiceUri=" + ServiceUri)]
    [InlineData("over https", "--Storage:AzureServiceUri=http://ptclinic.blob.core.windows.net")]
    [InlineData("over https", "--Storage:AzureServiceUri=ptclinic.blob.core.windows.net")]
    [InlineData("over https", "--Storage:AzureServiceUri=" + ServiceUri + "/?sv=2025-01-05&sig=abc")]
    [InlineData("a GUID", "--Storage:AzureServiceUri=" + ServiceUri, "--Storage:ManagedIdentityClientId=pt-identity")]
    [InlineData("Storage:AzureServiceUri is not", "--Storage:AzureConnectionString=" + Azurite,
        "--Storage:ManagedIdentityClientId=" + ClientId)]
    public async Task Misconfigured_blob_sign_in_stops_the_start_naming_the_setting(string expected, params string[] settings)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            BuildAsync(["--Storage:Provider=AzureBlob", .. settings]));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("carries a password", "Host=pt.postgres.database.azure.com;Username=pt-identity;Password=x;Database=pt")]
    [InlineData("names no Username", "Host=pt.postgres.database.azure.com;Database=pt")]
    [InlineData("not a valid Npgsql connection string", "Host=pt;Nonsense=1")]
    public async Task Entra_sign_in_to_postgres_refuses_a_password_or_a_missing_role(string expected, string connection)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BuildAsync(
            ["--Database:Provider=Postgres", $"--ConnectionStrings:Postgres={connection}", "--Database:EntraAuthentication=true"]));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Database:EntraAuthentication is not true", "--Database:Provider=Postgres",
        "--ConnectionStrings:Postgres=Host=pt;Username=u;Password=p", "--Database:ManagedIdentityClientId=" + ClientId)]
    [InlineData("Postgres only", "--Database:EntraAuthentication=true")]
    [InlineData("a GUID", "--Database:Provider=Postgres", "--ConnectionStrings:Postgres=Host=pt;Username=u",
        "--Database:EntraAuthentication=true", "--Database:ManagedIdentityClientId=not-a-guid")]
    [InlineData("ConnectionStrings:Jobs carries a password", "--Database:Provider=Postgres",
        "--ConnectionStrings:Postgres=Host=pt;Username=u", "--ConnectionStrings:Jobs=Host=pt;Username=u;Password=p",
        "--Database:EntraAuthentication=true")]
    public async Task Misconfigured_entra_sign_in_to_postgres_stops_the_start(string expected, params string[] settings)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BuildAsync(settings));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_uri_with_managed_identity_and_entra_postgres_are_recognised()
    {
        await using var app = await BuildAsync(
        [
            "--Storage:Provider=AzureBlob", $"--Storage:AzureServiceUri={ServiceUri}",
            $"--Storage:ManagedIdentityClientId={ClientId}",
            "--Database:Provider=Postgres", "--ConnectionStrings:Postgres=Host=pt.postgres.database.azure.com;Username=pt-identity;Database=pt;SSL Mode=Require",
            "--Database:EntraAuthentication=true", $"--Database:ManagedIdentityClientId={ClientId}",
        ]);

        var storage = app.Services.GetRequiredService<StorageOptions>();
        Assert.Equal(new Uri(ServiceUri), StorageServices.ServiceUri(storage));
        Assert.Equal(" " + ServiceUri, SecurityHeaders.BlobOrigin(storage)); // media redirects there are allowed
        var postgres = app.Services.GetRequiredService<EntraPostgres>();
        Assert.Same(postgres.App, postgres.Jobs); // no ConnectionStrings:Jobs: the job storage shares the app's
        Assert.Contains("pt-identity", postgres.App.ConnectionString, StringComparison.Ordinal);
        Assert.NotNull(app.Services.GetRequiredService<AzureCredentials>().For(ClientId));
    }

    [Fact]
    public async Task Connection_string_with_a_key_and_a_password_stay_the_default()
    {
        await using var app = await BuildAsync(
        [
            "--Storage:Provider=AzureBlob", $"--Storage:AzureConnectionString={Azurite}",
            "--Database:Provider=Postgres", "--ConnectionStrings:Postgres=Host=127.0.0.1;Username=u;Password=p",
        ]);

        var storage = app.Services.GetRequiredService<StorageOptions>();
        Assert.Null(StorageServices.ServiceUri(storage));
        Assert.Equal(" http://127.0.0.1:1", SecurityHeaders.BlobOrigin(storage));
        Assert.Null(app.Services.GetService<EntraPostgres>());
        Assert.Null(app.Services.GetService<AzureCredentials>());
    }

    /// <summary>Built as a command (no jobs dashboard), so nothing resolves the job storage or opens a connection.</summary>
    private static Task<WebApplication> BuildAsync(string[] settings)
    {
        var data = Path.Combine(Path.GetTempPath(), "pt-tests", Guid.NewGuid().ToString("N"));
        return Task.Run(() => AppHost.Build([$"--App:DataDirectory={data}", .. settings], AppHost.Purpose.Command));
    }
}
