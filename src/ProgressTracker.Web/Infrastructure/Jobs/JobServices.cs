using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Infrastructure.Jobs;

public static class JobServices
{
    /// <summary>
    /// Hangfire on PostgreSQL when the database is PostgreSQL (any number of workers share it); for the embedded
    /// default a SQLite file of its own in the data folder (decision 0028), or memory when
    /// <c>Jobs:EmbeddedStorage=InMemory</c>. Either way the Photo row is the source of truth and the sweep re-queues
    /// lost work; only in memory does a restart lose the queue.
    /// </summary>
    public static void AddJobs(this IServiceCollection services, IConfiguration config, DatabaseProvider database,
        HostRoleOptions role, AppOptions app)
    {
        var options = services.AddSettings<JobsOptions>(config, JobsOptions.Section);
        var kind = database == DatabaseProvider.Postgres ? JobStore.Postgres
            : options.EmbeddedStorage == EmbeddedJobStorage.Sqlite ? JobStore.Sqlite : JobStore.InMemory;
        services.AddSingleton(new JobStorageKind(kind != JobStore.InMemory));
        var sqliteFile = kind == JobStore.Sqlite ? EmbeddedJobFile.Prepare(app) : null;
        services.AddScoped<JobQueue>();
        services.AddSingleton<SweepSettings>();
        // Taken now, before demo seeding queues work, so it cannot wait for the container to resolve a clock;
        // AppHost registers TimeProvider.System as the app's clock, so this is the same clock the sweeps read.
        services.AddSingleton(new HostStartTime(TimeProvider.System.GetUtcNow()));

        services.AddHangfire((sp, c) =>
        {
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (kind == JobStore.Postgres)
                c.UsePostgreSqlStorage(
                    b =>
                    {
                        // Entra ID sign-in: connections from the data source that puts a fresh token in as password.
                        if (sp.GetService<EntraPostgres>() is { } entra) b.UseConnectionFactory(new DataSourceConnections(entra.Jobs));
                        else b.UseNpgsqlConnection(JobsConnection(config));
                    },
                    new PostgreSqlStorageOptions
                    {
                        QueuePollInterval = options.PollInterval,
                        SchemaName = "hangfire",
                        PrepareSchemaIfNecessary = true,
                        // A running job keeps itself invisible by heartbeat; a job whose worker died (SIGKILL, a lost
                        // node) is fetched again after this, not after the library's default 30 minutes.
                        UseSlidingInvisibilityTimeout = true,
                        InvisibilityTimeout = options.InvisibilityTimeout,
                    });
            else if (sqliteFile is not null)
                c.UseSQLiteStorage(sqliteFile, EmbeddedJobFile.StorageOptions(options));
            else
                c.UseInMemoryStorage();
        });

        if (!role.RunsJobs) return;
        // Imaging gets its own server so its parallelism (each job holds a decoded photo in memory) is set
        // independently of light jobs, which must not wait behind a backlog of photos.
        services.AddHangfireServer((sp, o) => Configure(o, "imaging", [JobsOptions.ImagingQueue], options.ImagingWorkers, options));
        services.AddHangfireServer((sp, o) => Configure(o, "default", [JobsOptions.DefaultQueue], options.DefaultWorkers, options));
    }

    private enum JobStore { Postgres, Sqlite, InMemory }

    /// <summary>
    /// <c>ConnectionStrings:Jobs</c> puts Hangfire in a PostgreSQL database of its own (its polling then never
    /// competes with the app's queries); by default it shares <c>ConnectionStrings:Postgres</c>, schema "hangfire".
    /// </summary>
    private static string? JobsConnection(IConfiguration config) =>
        config.GetConnectionString("Jobs") is { Length: > 0 } jobs ? jobs : config.GetConnectionString("Postgres");

    private static void Configure(BackgroundJobServerOptions o, string name, string[] queues, int workers, JobsOptions options)
    {
        o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{name}";
        o.Queues = queues;
        o.WorkerCount = Math.Max(1, workers);
        o.SchedulePollingInterval = options.PollInterval;
        o.ShutdownTimeout = TimeSpan.FromSeconds(10);
    }
}

/// <summary>Hangfire's connections from a data source; Hangfire opens and disposes each one itself.</summary>
internal sealed class DataSourceConnections(Npgsql.NpgsqlDataSource source) : IConnectionFactory
{
    public Npgsql.NpgsqlConnection GetOrCreateConnection() => source.CreateConnection();
}

/// <summary>When this process was built: work queued before it belongs to a previous process.</summary>
public sealed record HostStartTime(DateTimeOffset Value);

/// <summary>Whether queued jobs survive a restart (PostgreSQL, SQLite file) or die with the process (in memory).</summary>
public sealed record JobStorageKind(bool Persistent);
