using Npgsql;

namespace ProgressTracker.Stack;

/// <summary>How a stack's app processes are configured.</summary>
public sealed record StackOptions
{
    /// <summary>Imaging jobs each worker process runs at once.</summary>
    public int ImagingJobsPerWorker { get; init; } = 1;
    /// <summary>How long a job fetched by a dead worker stays invisible to the others.</summary>
    public TimeSpan InvisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>A photo unfinished for longer than this is queued again by the sweep.</summary>
    public TimeSpan StuckAfter { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>
    /// Pins worker N to core N mod cores (taskset), as if each worker were a replica with one vCPU of its own; off, the
    /// workers share every core with each other and with PostgreSQL, Azurite and the web process.
    /// </summary>
    public bool PinWorkersToCores { get; init; }
    /// <summary>Extra settings for every process, as environment variables (e.g. <c>Jobs__MaxAttempts</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// The production shape on loopback: one database and one blob container on the stack's own services, one web
/// process, and any number of worker processes, all of the same published build.
/// </summary>
public sealed class ProductionStack : IAsyncDisposable
{
    public const string ClinicianEmail = "clinician@stack.local";
    public const string Password = "Stack-Correct-Horse-42";

    private readonly StackOptions _options;
    private readonly List<AppProcess> _workers = [];
    private readonly List<string> _dataFolders = [];

    public StackServices Services { get; }
    public PublishedApp App { get; }
    public string Database { get; }
    public string Container { get; } = $"s{Guid.NewGuid():N}";
    public AppProcess Web { get; private set; } = null!;
    public IReadOnlyList<AppProcess> Workers => _workers;

    private ProductionStack(StackServices services, PublishedApp app, string database, StackOptions options)
    {
        Services = services;
        App = app;
        Database = database;
        _options = options;
    }

    /// <summary>Starts the web process (which migrates the database) and creates a clinician; no workers yet.</summary>
    public static async Task<ProductionStack> StartAsync(StackServices services, StackOptions? options = null)
    {
        var app = await PublishedApp.GetAsync();
        var stack = new ProductionStack(services, app, await services.CreateDatabaseAsync(), options ?? new StackOptions());
        try
        {
            stack.Web = stack.StartProcess("web", "Web");
            await stack.Web.WaitHealthyAsync();
            await app.RunCommandAsync(["users", "add", "--email", ClinicianEmail, "--role", "Clinician"],
                stack.Settings("Web"), stdin: Password);
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
        return stack;
    }

    public async Task<AppProcess> StartWorkerAsync()
    {
        int? core = _options.PinWorkersToCores ? _workers.Count % Environment.ProcessorCount : null;
        var worker = App.Start($"worker{_workers.Count + 1}", Settings("Worker"), FreePorts.Next(), core);
        _workers.Add(worker);
        await worker.WaitHealthyAsync();
        return worker;
    }

    private AppProcess StartProcess(string name, string role) => App.Start(name, Settings(role), FreePorts.Next());

    /// <summary>The configuration every process gets, as environment variables, as a container would.</summary>
    public Dictionary<string, string> Settings(string role)
    {
        var data = Path.Combine(Path.GetTempPath(), $"pt-stack-data-{Guid.NewGuid():N}");
        _dataFolders.Add(data);
        var settings = new Dictionary<string, string>
        {
            ["Host__Role"] = role,
            ["App__DataDirectory"] = data,
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = Database,
            ["Storage__Provider"] = "AzureBlob",
            ["Storage__AzureConnectionString"] = Services.Azurite,
            ["Storage__Container"] = Container,
            ["Demo__Seed"] = "false",
            ["Auth__RequireSecondFactor"] = "false",
            ["RateLimits__Login__PermitLimit"] = "100000",
            ["RateLimits__Upload__PermitLimit"] = "100000",
            ["RateLimits__Refresh__PermitLimit"] = "100000",
            ["Jobs__ImagingWorkers"] = _options.ImagingJobsPerWorker.ToString(),
            ["Jobs__PollInterval"] = "00:00:00.500",
            ["Jobs__SweepInterval"] = "00:00:05",
            ["Jobs__StuckAfter"] = _options.StuckAfter.ToString(),
            ["Jobs__InvisibilityTimeout"] = _options.InvisibilityTimeout.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in _options.Settings) settings[key] = value;
        return settings;
    }

    public async Task<StackClient> SignInAsync() => await StackClient.SignInAsync(Web.Url, ClinicianEmail, Password);

    /// <summary>Opens a connection to the stack's database (fresh, not pooled: the server may have restarted).</summary>
    public async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers) await worker.DisposeAsync();
        if (Web is not null) await Web.DisposeAsync();
        foreach (var folder in _dataFolders)
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
