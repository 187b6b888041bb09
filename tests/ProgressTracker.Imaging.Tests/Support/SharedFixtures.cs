namespace ProgressTracker.Imaging.Tests.Support;

/// <summary>
/// Fixtures shared between checkouts live in <c>../shared/fixtures</c> beside the repository (too large, and not ours
/// to licence, for the repository itself). Found beside the repository root, else in the workspace's /work/shared;
/// PT_SHARED_FIXTURES points elsewhere. A missing folder fails the tests that need it.
/// </summary>
internal static class SharedFixtures
{
    public static string Folder(string name)
    {
        if (Environment.GetEnvironmentVariable("PT_SHARED_FIXTURES") is { Length: > 0 } configured)
            return Path.Combine(configured, name);
        var candidates = new List<string>();
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "ProgressTracker.sln"))) continue;
            candidates.Add(Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures", name)));
            break;
        }
        // A clone made elsewhere (a CI checkout in a temporary folder) still finds the workspace's shared fixtures.
        candidates.Add(Path.Combine("/work", "shared", "fixtures", name));
        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException($"Shared fixtures '{name}' not found (looked at {string.Join(", ", candidates)}); set PT_SHARED_FIXTURES.");
    }

    public static string RealPeople(string file) => Path.GetFullPath(Path.Combine(Folder("real-people"), file));
}
