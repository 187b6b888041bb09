using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ProgressTracker.Web.Infrastructure.Identity;

namespace ProgressTracker.Web.Tests.Support;

public enum StorageMode { Embedded, Production }

/// <summary>
/// The real app on real Kestrel (a free loopback port), either in the embedded default (SQLite + files + in-memory
/// jobs in a temp folder) or production shape (a fresh PostgreSQL database + an Azurite container). Can be stopped
/// and started again on the same data, which is how the restart tests prove nothing is lost.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string ClinicianEmail = "clinician@test.local";
    public const string Password = "Correct-Horse-42";

    private readonly List<string> _settings;
    private WebApplication? _app;

    public StorageMode Mode { get; }
    public string DataDirectory { get; }
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("Not started.");

    private TestApp(StorageMode mode, string dataDirectory, List<string> settings)
    {
        Mode = mode;
        DataDirectory = dataDirectory;
        _settings = settings;
    }

    public static async Task<TestApp> StartAsync(StorageMode mode, string role = "All", bool seedDemo = false,
        params string[] extraSettings)
    {
        var data = Path.Combine(Path.GetTempPath(), "pt-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var settings = new List<string>
        {
            "--urls=http://127.0.0.1:0", $"--App:DataDirectory={data}", $"--Demo:Seed={seedDemo}",
            "--Jobs:PollInterval=00:00:00.200", "--Jobs:SweepInterval=00:00:01", "--Logging:LogLevel:Default=Warning",
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
        var app = new TestApp(mode, data, settings);
        await app.StartAsync(role);
        return app;
    }

    /// <summary>Starts (again) on the same database and blobs, optionally as a different role.</summary>
    public async Task StartAsync(string role)
    {
        _app = AppHost.Build([.. _settings, $"--Host:Role={role}"]);
        await AppHost.InitializeAsync(_app);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        await users.AddAsync(ClinicianEmail, Roles.Clinician, Password, CancellationToken.None); // no-op if present
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

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
