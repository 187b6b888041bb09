namespace ProgressTracker.Imaging.Segmentation;

/// <summary>
/// Where the BlazePose landmark model is. Nothing is downloaded at run time: infra/models.sh installs the model from
/// the npm registry and checks its hash at set-up. PT_POSE_MODEL names the file; otherwise it is looked for beside
/// the app (models/, where the container image puts it) and in the repository's infra/models install, from the app's
/// folder upwards, so tests and benchmarks run from a checkout find it.
/// </summary>
internal static class PoseModelFile
{
    public const string EnvironmentVariable = "PT_POSE_MODEL";
    public const string FileName = "pose_landmark_full.tflite";
    private static readonly string InstallFolder = Path.Combine("infra", "models", "node_modules", "@mediapipe", "pose");

    /// <summary>The configured or found path, or null with the places looked at.</summary>
    public static (string? Path, string Looked) Locate()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
            return (File.Exists(configured) ? configured : null, $"{EnvironmentVariable}={configured}");
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, "models", FileName) };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            candidates.Add(Path.Combine(dir.FullName, InstallFolder, FileName));
        return (candidates.FirstOrDefault(File.Exists), string.Join(", ", candidates.Take(3)) + ", …");
    }
}
