using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Infrastructure.Data;

public static class DataServices
{
    /// <summary>Picks the provider once, at startup. Features depend on <see cref="AppDbContext"/> only.</summary>
    public static DatabaseProvider AddAppData(this IServiceCollection services, IConfiguration config, AppOptions app)
    {
        var options = services.AddSettings<DatabaseOptions>(config, DatabaseOptions.Section);
        // The connection is settled here, so a missing setting stops the start with a clear message.
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var postgres = Settings.Required(config.GetConnectionString("Postgres"),
                "Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            if (options.EntraAuthentication)
            {
                EntraPostgres.Add(services, options, postgres, config.GetConnectionString("Jobs"));
                services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) =>
                    o.UseNpgsql(sp.GetRequiredService<EntraPostgres>().App));
                return options.Provider;
            }
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(postgres));
        }
        if (options.EntraAuthentication || !string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
            throw new InvalidOperationException(options.Provider == DatabaseProvider.Postgres
                ? "Database:ManagedIdentityClientId is set but Database:EntraAuthentication is not true."
                : "Database:EntraAuthentication and Database:ManagedIdentityClientId apply to Database:Provider=Postgres only.");
        if (options.Provider == DatabaseProvider.Postgres) return options.Provider;
        var sqlite = SqliteConnection(config, app);
        services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(sqlite));
        return options.Provider;
    }

    /// <summary>The configured SQLite connection, else a database file in the data folder.</summary>
    private static string SqliteConnection(IConfiguration config, AppOptions app)
    {
        var configured = config.GetConnectionString("Sqlite");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            SqliteFiles.MakeOwnerOnly(configured);
            return configured;
        }
        OwnerOnly.EnsureFolder(app.DataPath);
        var connection = $"Data Source={Path.Combine(app.DataPath, "progresstracker.db")}";
        SqliteFiles.MakeOwnerOnly(connection);
        return connection;
    }

    /// <summary>Applies migrations; concurrent processes are serialised by EF's migration lock.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets the web requests read while a background job writes.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);
    }
}
