using Azure.Core;
using Npgsql;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Infrastructure.Data;

/// <summary>
/// <c>Database:EntraAuthentication=true</c>: the PostgreSQL connections of EF Core and of the Hangfire job storage come
/// from data sources whose password is a Microsoft Entra ID access token for Azure Database for PostgreSQL, fetched
/// before the first connection and refreshed every few minutes (the credential caches the token, so most refreshes
/// are free; a token is valid for about an hour and only checked when a connection opens). Without the setting the
/// plain connection strings are used as before.
/// </summary>
public sealed class EntraPostgres : IAsyncDisposable
{
    /// <summary>The token audience of Azure Database for PostgreSQL (flexible server).</summary>
    public const string Scope = "https://ossrdbms-aad.database.windows.net/.default";
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(10);

    private readonly Lazy<NpgsqlDataSource> _jobs;

    private EntraPostgres(NpgsqlDataSource app, Func<NpgsqlDataSource> jobs)
    {
        App = app;
        _jobs = new Lazy<NpgsqlDataSource>(jobs);
    }

    /// <summary>The app's database (<c>ConnectionStrings:Postgres</c>).</summary>
    public NpgsqlDataSource App { get; }

    /// <summary>The job storage's (<c>ConnectionStrings:Jobs</c>, else the app's own data source).</summary>
    public NpgsqlDataSource Jobs => _jobs.Value;

    /// <summary>Checks both connection strings now and registers the data sources, built on first use.</summary>
    public static void Add(IServiceCollection services, DatabaseOptions options, string postgres, string? jobs)
    {
        AzureCredentials.CheckClientId(options.ManagedIdentityClientId, "Database:ManagedIdentityClientId");
        Check(postgres, "ConnectionStrings:Postgres");
        var ownJobs = !string.IsNullOrWhiteSpace(jobs);
        if (ownJobs) Check(jobs!, "ConnectionStrings:Jobs");
        services.AddSingleton<AzureCredentials>();
        services.AddSingleton(sp =>
        {
            var credential = sp.GetRequiredService<AzureCredentials>().For(options.ManagedIdentityClientId);
            var app = Build(postgres, credential);
            return new EntraPostgres(app, ownJobs ? () => Build(jobs!, credential) : () => app);
        });
    }

    /// <summary>A token replaces the password, and the server checks it against the role named as Username.</summary>
    private static void Check(string connectionString, string name)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{name} is not a valid Npgsql connection string: {e.Message}", e);
        }
        if (!string.IsNullOrEmpty(builder.Password) || !string.IsNullOrEmpty(builder.Passfile))
            throw new InvalidOperationException($"Database:EntraAuthentication is true but {name} carries a password: " +
                "remove Password (and Passfile), the Entra ID token is the password.");
        if (string.IsNullOrWhiteSpace(builder.Username))
            throw new InvalidOperationException($"Database:EntraAuthentication is true but {name} names no Username: " +
                "set it to the PostgreSQL role of the managed identity (its name in Entra ID).");
    }

    private static NpgsqlDataSource Build(string connectionString, TokenCredential credential)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UsePeriodicPasswordProvider(async (_, ct) =>
            (await credential.GetTokenAsync(new TokenRequestContext([Scope]), ct)).Token, Refresh, RetryAfterFailure);
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        if (_jobs.IsValueCreated && !ReferenceEquals(_jobs.Value, App)) await _jobs.Value.DisposeAsync();
        await App.DisposeAsync();
    }
}
