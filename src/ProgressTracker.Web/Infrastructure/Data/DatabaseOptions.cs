using System.ComponentModel.DataAnnotations;

namespace ProgressTracker.Web.Infrastructure.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Section "Database". Connection strings live under "ConnectionStrings" as usual.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>
    /// PostgreSQL only: sign in with a Microsoft Entra ID token (a managed identity) instead of a password, for the
    /// app's connection and the job storage's alike. The connection strings then name the identity's role as
    /// Username and carry no Password.
    /// </summary>
    public bool EntraAuthentication { get; set; }
    /// <summary>With <see cref="EntraAuthentication"/>: the client id of a user-assigned managed identity.</summary>
    public string? ManagedIdentityClientId { get; set; }
}
