using System.ComponentModel.DataAnnotations;

namespace ProgressTracker.Web.Infrastructure.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Section "Database". Connection strings live under "ConnectionStrings" as usual.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
