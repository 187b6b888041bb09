using Hangfire.Storage.SQLite;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Infrastructure.Jobs;

/// <summary>
/// The embedded default's job queue: a SQLite file of its own next to the app's database (decision 0028), so Hangfire's
/// polling and locking never contend with the app's own writes, and deleting it loses nothing the sweep cannot rebuild.
/// </summary>
public static class EmbeddedJobFile
{
    public const string FileName = "jobs.db";

    /// <summary>Creates the data folder and the file owner-only before SQLite opens it; returns the file's path.</summary>
    public static string Prepare(AppOptions app)
    {
        OwnerOnly.EnsureFolder(app.DataPath);
        var path = Path.Combine(app.DataPath, FileName);
        SqliteFiles.MakeOwnerOnly($"Data Source={path}");
        return path;
    }

    /// <summary>
    /// Hangfire.Storage.SQLite marks a fetched job invisible for <c>InvisibilityTimeout</c> and never extends it while
    /// the job runs: a job fetched by a process that was killed comes back only after that time (30 minutes by
    /// default), and a job running longer than it is fetched a second time. Our jobs are idempotent and bounded by
    /// <see cref="JobsOptions.ProcessingTimeout"/>, so <see cref="JobsOptions.InvisibilityTimeout"/> is a few minutes,
    /// and never less than twice the processing timeout.
    /// </summary>
    public static SQLiteStorageOptions StorageOptions(JobsOptions options) => new()
    {
        // An idle worker waits this long before looking again; polling a local file is cheap, so at most half a second
        // (Jobs:PollInterval's 2 s default is for PostgreSQL shared by many workers). See decision 0028's figures.
        QueuePollInterval = options.PollInterval < MaxPoll ? options.PollInterval : MaxPoll,
        InvisibilityTimeout = Max(options.InvisibilityTimeout, options.ProcessingTimeout * 2),
        // Hangfire's own schedulers hold these locks for a moment; a crashed holder's lock lapses after this.
        DistributedLockLifetime = TimeSpan.FromSeconds(30),
        // Succeeded jobs expire after a day (Hangfire's default); look for them every 10 minutes, not hourly.
        JobExpirationCheckInterval = TimeSpan.FromMinutes(10),
    };

    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(500);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
