using System.IO.Enumeration;

namespace ProgressTracker.Web.Infrastructure.Storage;

/// <summary>Blobs as files under one root folder: the embedded default. Folders and files are owner-only.</summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private readonly string _root;

    public FileSystemBlobStore(string root)
    {
        _root = Path.GetFullPath(root);
        OwnerOnly.EnsureFolder(_root);
    }

    public async Task PutAsync(string key, Stream content, string contentType, bool overwrite, CancellationToken ct)
    {
        var path = PathOf(key);
        if (!overwrite && File.Exists(path)) throw new BlobAlreadyExistsException(key);
        OwnerOnly.CreateFolder(Path.GetDirectoryName(path)!);
        // Write beside the target, then rename: a crash never leaves a half-written blob under the real name.
        var temp = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            await using (var file = new FileStream(temp, OwnerOnly.NewFile(81920)))
            {
                await content.CopyToAsync(file, ct);
            }
            if (overwrite) File.Move(temp, path, overwrite: true);
            else
            {
                try { File.Move(temp, path, overwrite: false); }
                catch (IOException) when (File.Exists(path)) { throw new BlobAlreadyExistsException(key); }
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                81920, FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }

    /// <summary>Files cannot be fetched by the browser directly; the media endpoint streams them.</summary>
    public Task<Uri?> GetDirectReadUriAsync(string key, TimeSpan lifetime, string? downloadName, CancellationToken ct) =>
        Task.FromResult<Uri?>(null);

    public async IAsyncEnumerable<BlobEntry> ListAsync(string prefix,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        // Start in the deepest folder the prefix names, then filter by the whole prefix, as Azure does.
        var folder = prefix.LastIndexOf('/') is var slash and >= 0 ? prefix[..slash] : "";
        if (folder.Length > 0 && !BlobKeys.IsWellFormed(folder)) throw new ArgumentException($"Malformed prefix '{prefix}'.", nameof(prefix));
        var start = folder.Length == 0 ? _root : Path.Combine(_root, folder);
        if (!Directory.Exists(start)) yield break;
        var files = new FileSystemEnumerable<(string Key, long Size, DateTime Modified)?>(start,
            (ref FileSystemEntry e) => e.IsDirectory ? null
                : (Path.GetRelativePath(_root, e.ToFullPath()).Replace(Path.DirectorySeparatorChar, '/'), e.Length,
                    e.LastWriteTimeUtc.UtcDateTime),
            new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 });
        foreach (var file in files)
        {
            ct.ThrowIfCancellationRequested();
            // A ".partial" file is a write in progress (or the leftover of a crashed one): not a blob.
            if (file is not { } f || f.Key.EndsWith(".partial", StringComparison.Ordinal)
                || !f.Key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            yield return new BlobEntry(f.Key, f.Size, new DateTimeOffset(f.Modified, TimeSpan.Zero));
        }
        await Task.CompletedTask;
    }

    public Task CheckAvailableAsync(CancellationToken ct)
    {
        if (!Directory.Exists(_root)) throw new DirectoryNotFoundException("The blob folder is missing.");
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        if (!BlobKeys.IsWellFormed(key)) throw new ArgumentException($"Malformed blob key '{key}'.", nameof(key));
        var path = Path.GetFullPath(Path.Combine(_root, key));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Blob key '{key}' escapes the blob folder.", nameof(key));
        return path;
    }
}
