namespace ProgressTracker.Web.Infrastructure.Jobs;

/// <summary>Where the embedded default (SQLite database) keeps its job queue.</summary>
public enum EmbeddedJobStorage { Sqlite, InMemory }

/// <summary>Section "Jobs".</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";
    public const string ImagingQueue = "imaging";
    public const string DefaultQueue = "default";

    /// <summary>Parallel imaging jobs per worker process (each holds a decoded photo in memory).</summary>
    public int ImagingWorkers { get; set; } = Math.Max(1, Environment.ProcessorCount);
    /// <summary>
    /// Workers of the server for the <c>default</c> queue, per job-running process. No job goes there today: photo
    /// processing, alignment and export rendering all run in <see cref="ImagingQueue"/>, so this server idles. It
    /// exists for light jobs that must not wait behind a backlog of photos.
    /// </summary>
    public int DefaultWorkers { get; set; } = 2;
    /// <summary>A photo whose processing takes longer than this is marked Failed instead of holding a worker.</summary>
    public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>
    /// The embedded default's job storage: a SQLite file of its own (<c>jobs.db</c> in the data folder), whose queue
    /// survives a restart, or memory (decision 0028). PostgreSQL deployments always keep jobs in PostgreSQL.
    /// </summary>
    public EmbeddedJobStorage EmbeddedStorage { get; set; } = EmbeddedJobStorage.Sqlite;
    /// <summary>How often a worker polls PostgreSQL job storage for new jobs (SQLite job storage: at most 0.5 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>
    /// A job fetched by a worker that then died (killed, its machine lost) is run by another worker after this long.
    /// On PostgreSQL running jobs renew their claim, so this does not limit how long a job may run. SQLite job storage
    /// does not renew it, so there it is at least twice <see cref="ProcessingTimeout"/>.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>How often the sweep looks for photos whose job was lost.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>A photo Pending or Processing for longer than this is considered stuck and queued again.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>After this many processing attempts a photo is marked Failed instead of retried.</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>Lets admins retry, delete and trigger jobs from the dashboard at /admin/jobs; read-only otherwise.</summary>
    public bool DashboardWritable { get; set; }
}
