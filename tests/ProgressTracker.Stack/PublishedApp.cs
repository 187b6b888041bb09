namespace ProgressTracker.Stack;

/// <summary>
/// The app as it ships: `dotnet publish` of the web project's Release build into a folder of its own, once per
/// process. Every web and worker process of a stack runs this same build, like replicas of one container image.
/// </summary>
public sealed class PublishedApp
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PublishedApp? _published;

    public string Folder { get; }
    public string Dll => Path.Combine(Folder, "ProgressTracker.Web.dll");

    private PublishedApp(string folder) => Folder = folder;

    public static async Task<PublishedApp> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_published is not null) return _published;
            var folder = Path.Combine(Path.GetTempPath(), $"pt-published-{Environment.ProcessId}");
            // --no-build: the Release build the tests and benchmarks were built with (dotnet test builds the solution).
            await Commands.RunAsync("dotnet",
                ["publish", Repository.Path("src", "ProgressTracker.Web", "ProgressTracker.Web.csproj"), "-c", "Release",
                 "--no-build", "-o", folder, "-p:UseAppHost=false", "--nologo", "-v", "q"],
                new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0" });
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            };
            return _published = new PublishedApp(folder);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Runs a CLI verb of the app (e.g. `users add`) with the given settings as environment variables.</summary>
    public Task<string> RunCommandAsync(IEnumerable<string> args, IDictionary<string, string> settings, string? stdin = null) =>
        Commands.RunAsync("dotnet", [Dll, .. args], WithModel(settings), stdin);

    /// <param name="core">When set, the process may run on that CPU core only.</param>
    public AppProcess Start(string name, IDictionary<string, string> settings, int port, int? core = null) =>
        AppProcess.Start(name, Dll, WithModel(settings), port, core);

    /// <summary>The container image carries the person model beside the app; a published folder here uses the checkout's.</summary>
    private static Dictionary<string, string> WithModel(IDictionary<string, string> settings)
    {
        var env = new Dictionary<string, string>(settings);
        var model = Repository.Path("infra", "models", "node_modules", "@mediapipe", "pose", "pose_landmark_full.tflite");
        if (File.Exists(model)) env.TryAdd("PT_POSE_MODEL", model);
        return env;
    }
}
