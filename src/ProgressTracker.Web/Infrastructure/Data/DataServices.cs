using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Infrastructure.Data;

public static class DataServices
{
    /// <summary>Picks the provider once, at startup. Features depend on <see cref="AppDbContext"/> only.</summary>
    public static DatabaseProvider AddAppData(this IServiceCollection services, IConfiguration config, AppOptions app)
    {
        var options = services.AddSettings<DatabaseOptions>(config, DatabaseOptions.Section);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var cs = Settings.Required(config.GetConnectionString("Postgres"),
                "Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(cs));
        }
        else
        {
            var cs = config.GetConnectionString("Sqlite");
            if (string.IsNullOrWhiteSpace(cs))
            {
                Directory.CreateDirectory(app.DataPath);
                cs = $"Data Source={Path.Combine(app.DataPath, "progresstracker.db")}";
            }
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(cs));
        }
        return options.Provider;
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
