namespace ProgressTracker.Web.Infrastructure.Data;

/// <summary>The production database.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
