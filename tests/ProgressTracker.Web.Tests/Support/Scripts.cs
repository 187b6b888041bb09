using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ProgressTracker.Web.Tests.Support;

/// <summary>Runs the repository's own shell scripts as an operator would: bash, a process, environment variables.</summary>
public static class Scripts
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
    }

    public static async Task<Result> RunAsync(string script, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot };
        start.ArgumentList.Add(Path.Combine(RepoRoot, script));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try { await process.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish in time:\n{await errors}");
        }
        return new Result(process.ExitCode, await output, await errors);
    }

    /// <summary>A TCP port nothing listens on right now, for a second set of services.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ProgressTracker.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (ProgressTracker.sln) was not found above the test binaries.");
    }
}

/// <summary>
/// A second PostgreSQL + Azurite (+ maildev) from infra/services.sh, on free ports and a state folder of its own:
/// "another machine" to restore onto. Stopped (by the script, by PID) when disposed.
/// </summary>
public sealed class SecondServices : IAsyncDisposable
{
    private readonly Dictionary<string, string> _env;
    public string Postgres { get; private set; } = "";
    public string Azurite { get; private set; } = "";

    private SecondServices(string stateDir) =>
        _env = new() { ["PT_STATE_DIR"] = stateDir };

    public static async Task<SecondServices> StartAsync()
    {
        var services = new SecondServices(Path.Combine(Path.GetTempPath(), $"pt-second-{Guid.NewGuid():N}"));
        foreach (var name in new[] { "PT_PG_PORT", "PT_AZURITE_PORT", "PT_SMTP_PORT", "PT_MAILDEV_WEB_PORT" })
            services._env[name] = Scripts.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var started = await Scripts.RunAsync("infra/services.sh", ["start"], services._env, TimeSpan.FromMinutes(3));
        if (started.ExitCode != 0) throw new InvalidOperationException($"services.sh start failed: {started}");
        var env = await File.ReadAllLinesAsync(started.Output.Trim());
        string Value(string name) => env.Single(l => l.StartsWith($"export {name}=", StringComparison.Ordinal))
            .Split('=', 2)[1].Trim('"');
        services.Postgres = Value("PT_TEST_POSTGRES");
        services.Azurite = Value("PT_TEST_AZURITE");
        return services;
    }

    public async ValueTask DisposeAsync() => await Scripts.RunAsync("infra/services.sh", ["stop"], _env);
}
