using System.Diagnostics;
using ProgressTracker.Imaging.Segmentation;

namespace ProgressTracker.Imaging.Tests.Segmentation;

/// <summary>
/// The model comes from the npm package at set-up, checked against the SHA-256 committed in infra/models; the library
/// never fails to start without it.
/// </summary>
public sealed class ModelDeliveryTests : IDisposable
{
    private readonly string _copy = Directory.CreateTempSubdirectory("pt-models-").FullName;

    [Fact]
    public void The_hash_check_passes_on_the_installed_model_and_fails_on_a_wrong_hash()
    {
        var root = RepositoryRoot();
        var installed = Path.Combine(root, "infra", "models", "node_modules", "@mediapipe", "pose", PoseModelFile.FileName);
        var package = Path.Combine(_copy, "node_modules", "@mediapipe", "pose");
        Directory.CreateDirectory(package);
        File.Copy(installed, Path.Combine(package, PoseModelFile.FileName));
        var committed = File.ReadAllText(Path.Combine(root, "infra", "models", PoseModelFile.FileName + ".sha256"));
        File.WriteAllText(Path.Combine(_copy, PoseModelFile.FileName + ".sha256"), committed);

        var good = Verify(root);
        Assert.True(good.Code == 0, good.Output);

        File.WriteAllText(Path.Combine(_copy, PoseModelFile.FileName + ".sha256"), new string('0', 64) + "  " + PoseModelFile.FileName + "\n");
        var bad = Verify(root);
        Assert.NotEqual(0, bad.Code);
        Assert.Contains("SHA-256 MISMATCH", bad.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_unreadable_model_file_gives_no_network_and_says_why()
    {
        var (missing, missingStatus) = PoseModel.Open((null, "/nowhere/" + PoseModelFile.FileName));
        var garbage = Path.Combine(_copy, PoseModelFile.FileName);
        File.WriteAllText(garbage, "not a model");
        var (unreadable, unreadableStatus) = PoseModel.Open((garbage, garbage));

        Assert.Null(missing);
        Assert.Contains("not found", missingStatus, StringComparison.Ordinal);
        Assert.Contains("backdrop model alone", missingStatus, StringComparison.Ordinal);
        Assert.Null(unreadable);
        Assert.Contains("did not load", unreadableStatus, StringComparison.Ordinal);
    }

    private (int Code, string Output) Verify(string root)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "infra", "models.sh"), "--verify"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PT_MODELS_DIR"] = _copy;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ProgressTracker.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("No repository root above " + AppContext.BaseDirectory);
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);
}
