namespace ProgressTracker.Stack;

/// <summary>The checkout this build came from: the scripts and the app project are found from here.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ProgressTracker.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No ProgressTracker.sln above {AppContext.BaseDirectory}.");
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
