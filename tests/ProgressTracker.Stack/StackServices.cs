using Npgsql;

namespace ProgressTracker.Stack;

/// <summary>
/// A PostgreSQL and an Azurite of this stack's own, started by infra/services.sh on free loopback ports, so a test
/// can stop and restart them without disturbing anything else; stopped (by PID, data deleted) on dispose.
/// </summary>
public sealed class StackServices : IAsyncDisposable
{
    private readonly Dictionary<string, string> _env;

    public string Postgres { get; }
    public string Azurite { get; }

    private StackServices(Dictionary<string, string> env, string postgres, string azurite)
    {
        _env = env;
        Postgres = postgres;
        Azurite = azurite;
    }

    public static async Task<StackServices> StartAsync(string name)
    {
        var env = new Dictionary<string, string>
        {
            ["PT_STATE_DIR"] = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pt-stack-{name}-{Environment.ProcessId}"),
            ["PT_PG_PORT"] = FreePorts.Next().ToString(), ["PT_AZURITE_PORT"] = FreePorts.Next().ToString(),
            ["PT_SMTP_PORT"] = FreePorts.Next().ToString(), ["PT_MAILDEV_WEB_PORT"] = FreePorts.Next().ToString(),
        };
        var stack = new StackServices(env,
            $"Host=127.0.0.1;Port={env["PT_PG_PORT"]};Username=postgres;Database=postgres",
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{env["PT_AZURITE_PORT"]}/devstoreaccount1;");
        // Stopped by PID even when the run is interrupted (Ctrl+C, a killed test host): nothing started is left behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stack.StopOnExit();
        try
        {
            await stack.ScriptAsync("start");
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
        return stack;
    }

    /// <summary>Azurite's process stops; its data stays for <see cref="UpAzuriteAsync"/>.</summary>
    public Task DownAzuriteAsync() => ScriptAsync("down", "azurite");
    public Task UpAzuriteAsync() => ScriptAsync("up", "azurite");

    /// <summary>PostgreSQL stops (dropping every connection), stays down, and starts again on the same data.</summary>
    public Task RestartPostgresAsync(int secondsDown) => ScriptAsync("restart", "postgres", secondsDown.ToString());

    /// <summary>
    /// CPU used so far by Azurite and PostgreSQL (the postmaster, its live backends and the ones that have exited), so
    /// a benchmark can say what the services cost beside the app's own processes.
    /// </summary>
    public TimeSpan CpuTime()
    {
        var state = _env["PT_STATE_DIR"];
        var total = 0L;
        if (ReadPid(state, "azurite.pid") is { } azurite) total += ProcStat.Ticks(azurite, withChildren: false);
        if (ReadPid(state, "pg.pid") is { } postmaster)
        {
            total += ProcStat.Ticks(postmaster, withChildren: true);
            foreach (var child in ProcStat.ChildrenOf(postmaster)) total += ProcStat.Ticks(child, withChildren: false);
        }
        return TimeSpan.FromSeconds(total / 100.0);
    }

    private static int? ReadPid(string state, string file) =>
        int.TryParse(File.Exists(System.IO.Path.Combine(state, file)) ? File.ReadAllText(System.IO.Path.Combine(state, file)).Trim() : "",
            out var pid) ? pid : null;

    /// <summary>A new, empty database on this server.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"pt_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(Postgres))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(Postgres) { Database = name }.ConnectionString;
    }

    private Task ScriptAsync(params string[] args) =>
        Commands.RunAsync("bash", ["infra/services.sh", .. args], _env, timeout: TimeSpan.FromMinutes(10));

    private int _stopped;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        await ScriptAsync("stop");
    }

    private void StopOnExit()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        try { ScriptAsync("stop").Wait(TimeSpan.FromSeconds(60)); } catch (Exception) { /* best effort at exit */ }
    }
}
