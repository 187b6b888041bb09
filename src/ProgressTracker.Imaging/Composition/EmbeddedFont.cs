using System.Security.Cryptography;

namespace ProgressTracker.Imaging.Composition;

/// <summary>
/// DejaVu Sans, embedded in this assembly (licence beside it in Composition/Fonts), so labels look the same on every
/// machine whether or not it has fonts installed. ImageMagick's text renderer (FreeType) reads fonts from files, so
/// the resource is written once per process to a file named by its content hash, and that path is handed over.
/// </summary>
public static class EmbeddedFont
{
    private const string Resource = "ProgressTracker.Imaging.Fonts.DejaVuSans.ttf";

    private static readonly Lazy<string> Extracted = new(Extract, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Path of the font file; written to the temp folder on first use.</summary>
    public static string Path => Extracted.Value;

    /// <summary>The font file's bytes, for renderers that take a font from memory (the consent PDF).</summary>
    public static byte[] Bytes()
    {
        using var stream = Open(Resource);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The font's licence text, which travels with the font inside the assembly.</summary>
    public static string LicenceText()
    {
        using var stream = Open("ProgressTracker.Imaging.Fonts.DejaVuSans.LICENSE.txt");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Extract()
    {
        var bytes = Bytes();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "progresstracker-fonts");
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, $"DejaVuSans-{hash}.ttf");
        if (IsIntact(path, bytes)) return path;

        // Another process may be writing the same file: write beside it and move into place.
        var temp = $"{path}.{Guid.NewGuid():N}.partial";
        File.WriteAllBytes(temp, bytes);
        try
        {
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return IsIntact(path, bytes)
            ? path
            : throw new IOException($"The label font could not be written to {path}.");
    }

    /// <summary>A file left by an earlier run is reused only if it holds exactly these bytes.</summary>
    private static bool IsIntact(string path, byte[] bytes)
    {
        try
        {
            return File.Exists(path) && new FileInfo(path).Length == bytes.Length
                                     && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static Stream Open(string name) =>
        typeof(EmbeddedFont).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the imaging assembly.");
}
