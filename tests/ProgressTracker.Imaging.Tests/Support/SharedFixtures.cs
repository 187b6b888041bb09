namespace ProgressTracker.Imaging.Tests.Support;

/// <summary>
/// Fixtures shared between checkouts live in <c>../shared/fixtures</c> beside the repository (too large, and not ours
/// to licence, for the repository itself). Found from the repository root, so a clean clone with that folder beside
/// it runs the tests; PT_SHARED_FIXTURES points elsewhere.
/// </summary>
internal static class SharedFixtures
{
    public static string Folder(string name)
    {
        if (Environment.GetEnvironmentVariable("PT_SHARED_FIXTURES") is { Length: > 0 } configured)
            return Path.Combine(configured, name);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProgressTracker.sln")))
                return Path.Combine(dir.FullName, "..", "shared", "fixtures", name);
        }
        throw new DirectoryNotFoundException($"No repository root above {AppContext.BaseDirectory}; set PT_SHARED_FIXTURES.");
    }

    public static string RealPeople(string file) => Path.GetFullPath(Path.Combine(Folder("real-people"), file));
}
