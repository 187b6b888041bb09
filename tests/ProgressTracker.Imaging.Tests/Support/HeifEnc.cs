using System.Diagnostics;

namespace ProgressTracker.Imaging.Tests.Support;

/// <summary>
/// Makes real HEIC files with libheif's <c>heif-enc</c> (x265), because Magick.NET here decodes HEIC but has no
/// HEVC encoder. A missing tool fails the test rather than skipping it: HEIC is the format iPhones send.
/// </summary>
internal static class HeifEnc
{
    public const string Missing =
        "heif-enc was not found on PATH. The HEIC tests need it (Debian package libheif-examples); " +
        "`bash infra/test.sh` installs libheif-examples when it is missing.";

    /// <summary>Encodes a PNG or JPEG (its EXIF, orientation tag included, is copied into the HEIC) to HEIC bytes.</summary>
    public static byte[] Encode(byte[] pngOrJpeg, string extension, params string[] options)
    {
        var tool = Locate() ?? throw new Xunit.Sdk.XunitException(Missing);
        var dir = Directory.CreateTempSubdirectory("pt-heif-");
        try
        {
            var input = Path.Combine(dir.FullName, "in" + extension);
            var output = Path.Combine(dir.FullName, "out.heic");
            File.WriteAllBytes(input, pngOrJpeg);

            var start = new ProcessStartInfo(tool)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var option in options) start.ArgumentList.Add(option);
            start.ArgumentList.Add("-o");
            start.ArgumentList.Add(output);
            start.ArgumentList.Add(input);

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill();
                throw new Xunit.Sdk.XunitException("heif-enc did not finish within 60 s.");
            }
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                throw new Xunit.Sdk.XunitException(
                    $"heif-enc could not encode a HEIC here (exit {process.ExitCode}; it needs the x265 encoder): " +
                    $"{stderr.Result.Trim()} {stdout.Result.Trim()}");
            }
            return File.ReadAllBytes(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string? Locate()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "heif-enc"))
            .FirstOrDefault(File.Exists);
    }
}
