using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Data;

/// <summary>
/// Each provider's migration set must describe the current model, and both sets must hold the same migrations
/// (docs/decisions/0015). A model change without `infra/add-migration.sh Name` fails here. No database is needed:
/// both checks compare the compiled migrations and snapshots with the model.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class MigrationsMatchModelTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = Sqlite();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes the SQLite migrations do not have: run infra/add-migration.sh Name.");
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        using var db = Postgres();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes the PostgreSQL migrations do not have: run infra/add-migration.sh Name.");
    }

    [Fact]
    public void Both_sets_hold_the_same_migrations_in_the_same_order()
    {
        using var sqlite = Sqlite();
        using var postgres = Postgres();

        var names = Names(sqlite);
        Assert.NotEmpty(names);
        Assert.Equal(names, Names(postgres));
    }

    // The part after the timestamp: "20261124153407_Initial" -> "Initial".
    private static string[] Names(DbContext db) =>
        db.Database.GetMigrations().Select(id => id[(id.IndexOf('_') + 1)..]).ToArray();

    // Never opened: only the model and the migrations assembly are read. Identity takes its table layout (passkeys
    // included) from the host's options, so the contexts get the same options as the app.
    private static SqliteAppDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:")
            .UseApplicationServiceProvider(IdentityStoreSchema.DesignTimeServices()).Options);

    private static PostgresAppDbContext Postgres() =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost")
            .UseApplicationServiceProvider(IdentityStoreSchema.DesignTimeServices()).Options);
}
