using System.Diagnostics;

namespace ProgressTracker.Imaging.Evaluation.Heif;

/// <summary>Thrown when libheif's <c>heif-enc</c> is not on PATH, so callers can say how to install it.</summary>
public sealed class HeifEncMissingException()
    : InvalidOperationException("heif-enc was not found on PATH (Debian package libheif-examples).");

/// <summary>Runs libheif's <c>heif-enc</c> (x265) on one picture file.</summary>
public static class HeifEncTool
{
    public static string? Locate() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, "heif-enc"))
        .FirstOrDefault(File.Exists);

    /// <summary>Encodes a PNG or JPEG to a single-image HEIC at quality <paramref name="quality"/> (heif-enc -q).</summary>
    public static void Encode(string tool, string input, string output, int quality)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-q", quality.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", output, input })
            start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("heif-enc did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new InvalidOperationException("heif-enc did not finish within 2 minutes.");
        }
        if (process.ExitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException(
                $"heif-enc failed (exit {process.ExitCode}; it needs the x265 encoder): {stderr.Result.Trim()} {stdout.Result.Trim()}");
        }
    }
}
