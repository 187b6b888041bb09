using Npgsql;

namespace ProgressTracker.Web.Tests.Support;

/// <summary>
/// The real PostgreSQL, Azurite and maildev started by infra/services.sh (infra/test.sh does it). A missing service fails
/// the test with instructions rather than skipping it: a skipped integration test proves nothing.
/// </summary>
public static class TestServices
{
    public static string PostgresAdmin => Require("PT_TEST_POSTGRES");
    public static string Azurite => Require("PT_TEST_AZURITE");
    /// <summary>maildev's SMTP listener, <c>host:port</c>.</summary>
    public static string Smtp => Require("PT_TEST_SMTP");
    /// <summary>maildev's HTTP API, e.g. <c>http://127.0.0.1:10080/api</c>.</summary>
    public static string Maildev => Require("PT_TEST_MAILDEV");

    /// <summary>A fresh, empty database on the test server; each app instance gets its own.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"pt_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(PostgresAdmin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name, Pooling = false }.ConnectionString;
    }

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. Run the suite with `bash infra/test.sh`, which starts PostgreSQL, " +
                "Azurite and maildev, or start them with `bash infra/services.sh start` and source the env file it prints.");
}
