namespace ProgressTracker.Web.Tests.Support;

/// <summary>
/// The values of the "Tier" trait: what a test needs besides the .NET SDK. <c>bash infra/test.sh --fast</c> runs
/// <see cref="Fast"/> only (no PostgreSQL, Azurite or Chromium); the full run runs all. A test that needs both
/// PostgreSQL and Chromium carries both traits.
/// </summary>
public static class Tier
{
    public const string Name = "Tier";
    /// <summary>Pure unit tests and the embedded app (SQLite, files, in-memory jobs).</summary>
    public const string Fast = "Fast";
    /// <summary>The services from infra/services.sh: PostgreSQL and Azurite (the production shape) and maildev.</summary>
    public const string Postgres = "Postgres";
    /// <summary>Chromium through Playwright.</summary>
    public const string Browser = "Browser";
}
