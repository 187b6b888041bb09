using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using ProgressTracker.Web.Infrastructure.Identity;

namespace ProgressTracker.Web.Tests.Support;

public enum StorageMode { Embedded, Production }

/// <summary>
/// The real app on real Kestrel (a free loopback port), either in the embedded default (SQLite + files + in-memory
/// jobs in a temp folder) or production shape (a fresh PostgreSQL database + an Azurite container). Can be stopped
/// and started again on the same data, which is how the restart tests prove nothing is lost. Most tests share one
/// app per collection (<see cref="EmbeddedAppFixture"/>, <see cref="ProductionAppFixture"/>) and a fresh patient each;
/// a test that restarts or reconfigures the app starts its own.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string ClinicianEmail = "clinician@test.local";
    public const string Password = "Correct-Horse-42";

    /// <summary>
    /// Hangfire configures itself through process-wide statics (JobStorage.Current, the job activator, the log
    /// provider) while a host resolves its job storage; hosts built side by side could take each other's. So hosts
    /// start one at a time, and each resolves its Hangfire services before the next may start.
    /// </summary>
    private static readonly SemaphoreSlim StartGate = new(1, 1);

    /// <summary>
    /// Hangfire also logs through a process-wide provider, which each host points at its own logger factory; once
    /// that host is disposed, the jobs of every other host would fail to log (and so to run). This one outlives them.
    /// </summary>
    private static readonly Hangfire.AspNetCore.AspNetCoreLogProvider HangfireLog =
        new(LoggerFactory.Create(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning)));

    private readonly List<string> _settings;
    private readonly Action<IServiceCollection>? _services;
    private WebApplication? _app;

    public StorageMode Mode { get; }
    public string DataDirectory { get; }
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("Not started.");

    private TestApp(StorageMode mode, string dataDirectory, List<string> settings, Action<IServiceCollection>? services)
    {
        Mode = mode;
        DataDirectory = dataDirectory;
        _settings = settings;
        _services = services;
    }

    public static Task<TestApp> StartAsync(StorageMode mode, string role = "All", bool seedDemo = false,
        params string[] extraSettings) =>
        StartAsync(mode, services: null, role, seedDemo, extraSettings);

    /// <summary>
    /// Starts the app with <paramref name="services"/> registered after its own, so they replace the app's (for
    /// example a FakeTimeProvider for its TimeProvider); they apply again on every restart.
    /// </summary>
    public static async Task<TestApp> StartAsync(StorageMode mode, Action<IServiceCollection>? services,
        string role = "All", bool seedDemo = false, params string[] extraSettings)
    {
        var data = Path.Combine(Path.GetTempPath(), "pt-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var settings = new List<string>
        {
            "--urls=http://127.0.0.1:0", $"--App:DataDirectory={data}", $"--Demo:Seed={seedDemo}",
            "--Jobs:PollInterval=00:00:00.200", "--Jobs:SweepInterval=00:00:01", "--Logging:LogLevel:Default=Warning",
            // Most tests sign in with a password only; the second-factor tests turn the requirement back on.
            "--Auth:RequireSecondFactor=false",
            // A shared app signs in and uploads far more often from 127.0.0.1 than one client would; the rate-limit
            // tests start their own app with low limits.
            "--RateLimits:Login:PermitLimit=100000", "--RateLimits:Refresh:PermitLimit=100000",
            "--RateLimits:Upload:PermitLimit=100000", "--RateLimits:Invitation:PermitLimit=100000",
            "--RateLimits:Archive:PermitLimit=100000",
        };
        if (mode == StorageMode.Production)
        {
            settings.Add("--Database:Provider=Postgres");
            settings.Add($"--ConnectionStrings:Postgres={await TestServices.CreateDatabaseAsync()}");
            settings.Add("--Storage:Provider=AzureBlob");
            settings.Add($"--Storage:AzureConnectionString={TestServices.Azurite}");
            settings.Add($"--Storage:Container=t{Guid.NewGuid():N}");
        }
        settings.AddRange(extraSettings);
        var app = new TestApp(mode, data, settings, services);
        await app.StartAsync(role);
        return app;
    }

    /// <summary>Starts (again) on the same database and blobs, optionally as a different role.</summary>
    public async Task StartAsync(string role)
    {
        await StartGate.WaitAsync();
        try
        {
            _app = ServiceOverrides.Build(() => AppHost.Build([.. _settings, $"--Host:Role={role}"]), _services);
            // Building maps the jobs dashboard, which already points Hangfire's statics at this host's logger.
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(HangfireLog);
            await AppHost.InitializeAsync(_app);
            await _app.StartAsync();
            // Resolved now, inside the gate: the first resolution is what reads Hangfire's statics.
            _app.Services.GetService<Hangfire.JobStorage>();
            _app.Services.GetService<Hangfire.JobActivator>();
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(HangfireLog);
        }
        finally
        {
            StartGate.Release();
        }
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        await users.AddAsync(ClinicianEmail, Roles.Clinician, Password, CancellationToken.None); // no-op if present
    }

    /// <summary>
    /// Builds the app without starting it, one host at a time like <see cref="StartAsync(string)"/>, and leaves
    /// Hangfire's process-wide log provider on the shared one, so disposing this host cannot break the others.
    /// </summary>
    public static async Task<WebApplication> BuildOnlyAsync(params string[] args)
    {
        await StartGate.WaitAsync();
        try
        {
            var app = AppHost.Build(args);
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(HangfireLog);
            return app;
        }
        finally
        {
            StartGate.Release();
        }
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    /// <summary>Requests hand audit entries to a background writer; this waits until it has written them.</summary>
    public Task FlushAuditAsync() =>
        Services.GetRequiredService<ProgressTracker.Web.Features.Audit.AuditWriter>().FlushAsync(CancellationToken.None);

    public HttpClient CreateClient(bool followRedirects = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
