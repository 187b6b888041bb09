using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ProgressTracker.Web.Infrastructure.Data;

/// <summary>The embedded default's database.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite cannot compare or order DateTimeOffset text; all our timestamps are UTC, so the binary form
        // (ticks) sorts correctly and lets the sweep query run in the database.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        builder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
