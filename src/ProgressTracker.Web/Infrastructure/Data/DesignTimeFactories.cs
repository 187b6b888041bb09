using Microsoft.EntityFrameworkCore.Design;

namespace ProgressTracker.Web.Infrastructure.Data;

// Used only by `dotnet ef migrations add`; the running app configures contexts in DataServices.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db")
            .UseApplicationServiceProvider(IdentityStoreSchema.DesignTimeServices()).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost")
            .UseApplicationServiceProvider(IdentityStoreSchema.DesignTimeServices()).Options);
}
