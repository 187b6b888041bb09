using System.Diagnostics;

namespace ProgressTracker.Web.Tests.Support;

/// <summary>Runs the repository's own shell scripts as an operator would: bash, a process, environment variables.</summary>
public static class Scripts
{
    public static string RepoRoot => ProgressTracker.Stack.Repository.Root;

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
}
