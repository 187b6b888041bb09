using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ProgressTracker.Stack;

/// <summary>
/// One OS process of the published app (any role) on a loopback port, its output in a log file. Stopped with SIGTERM
/// (a graceful shutdown) or killed with SIGKILL (a crash), always by its own PID.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    public string Name { get; }
    public int Pid { get; }
    public Uri Url { get; }
    public string LogFile { get; }

    private AppProcess(string name, Process process, Uri url, string logFile)
    {
        Name = name;
        _process = process;
        Pid = process.Id;
        Url = url;
        LogFile = logFile;
    }

    internal static AppProcess Start(string name, string dll, IDictionary<string, string> settings, int port, int? core)
    {
        var logFile = Path.Combine(Path.GetTempPath(), $"pt-{name}-{Guid.NewGuid():N}.log");
        var url = new Uri($"http://127.0.0.1:{port}");
        // Through a shell so the app's output goes straight to the file: no pipe of ours can fill up and stall it.
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add("-c");
        // Pinned with taskset: .NET and OpenCV then see one core and size their thread pools for it.
        start.ArgumentList.Add((core is { } c ? $"exec taskset -c {c} " : "exec ") +
                               "dotnet \"$0\" --urls \"$1\" >>\"$2\" 2>&1 </dev/null");
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(url.ToString().TrimEnd('/'));
        start.ArgumentList.Add(logFile);
        foreach (var (key, value) in settings) start.Environment[key] = value;
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = new AppProcess(name, Process.Start(start)!, url, logFile);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => process.Kill(); // never outlives the run that started it
        return process;
    }

    public bool IsRunning => !_process.HasExited;

    /// <summary>Waits until /health answers 200 (a functional timeout, not a performance figure).</summary>
    public async Task WaitHealthyAsync(TimeSpan? timeout = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = Stopwatch.StartNew();
        while (until.Elapsed < (timeout ?? TimeSpan.FromMinutes(2)))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} during start-up:\n{LogTail()}");
            try
            {
                if ((await http.GetAsync(new Uri(Url, "/health"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} did not become healthy:\n{LogTail()}");
    }

    /// <summary>The most memory this process has held (VmHWM), in bytes; 0 once it has exited.</summary>
    public long PeakMemoryBytes => ReadStatusKilobytes("VmHWM") * 1024;

    /// <summary>Memory held right now (VmRSS), in bytes.</summary>
    public long MemoryBytes => ReadStatusKilobytes("VmRSS") * 1024;

    /// <summary>CPU time used so far (user + system), from /proc/PID/stat.</summary>
    public TimeSpan CpuTime => TimeSpan.FromSeconds(ProcStat.Ticks(Pid, withChildren: false) / 100.0);

    private long ReadStatusKilobytes(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{Pid}/status").FirstOrDefault(l => l.StartsWith(field + ":"));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        }
        catch (IOException) { return 0; }
    }

    /// <summary>A crash: SIGKILL, no chance to finish or hand back its work.</summary>
    public void Kill()
    {
        try
        {
            if (_process.HasExited) return;
            Signal(Pid, 9);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException) { /* already disposed: it was stopped */ }
    }

    /// <summary>A graceful stop (SIGTERM), then SIGKILL if it does not exit in time.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        Signal(Pid, 15);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    public string LogTail(int lines = 60)
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogFile).TakeLast(lines));
        }
        catch (IOException) { return "(no log)"; }
    }

    public string Log() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        try { File.Delete(LogFile); } catch (IOException) { }
    }

    private void Signal(int pid, int signal)
    {
        if (KillNative(pid, signal) != 0 && !_process.HasExited)
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int KillNative(int pid, int signal);
}
