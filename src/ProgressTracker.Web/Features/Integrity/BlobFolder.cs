using System.Globalization;
using System.Security.Cryptography;

namespace ProgressTracker.Web.Features.Integrity;

/// <summary>One line of a blob folder's manifest.</summary>
public sealed record ManifestEntry(string Key, long Size, string Sha256);

/// <summary>
/// A copy of every blob of a store in a folder: <c>blobs/&lt;key&gt;</c> for each blob and <c>manifest.tsv</c>
/// (key, size, sha256, one per line, sorted by key). Export writes it, import loads it into an empty store and
/// checks every hash on the way, verify checks it holds every blob a dump references.
/// </summary>
public sealed class BlobFolder(string path)
{
    public const string ManifestName = "manifest.tsv";
    private string BlobPath(string key) =>
        BlobKeys.IsWellFormed(key) ? Path.Combine(path, "blobs", key) : throw new FormatException($"Malformed key '{key}' in the manifest.");

    public async Task<IReadOnlyList<ManifestEntry>> ExportAsync(IBlobStore store, CancellationToken ct)
    {
        if (Directory.Exists(Path.Combine(path, "blobs")) || File.Exists(Path.Combine(path, ManifestName)))
            throw new InvalidOperationException($"{path} already holds a blob copy; export into a new folder.");
        var entries = new List<ManifestEntry>();
        await foreach (var blob in store.ListAsync("", ct))
        {
            var target = BlobPath(blob.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using var source = await store.OpenReadAsync(blob.Key, ct)
                ?? throw new InvalidOperationException($"Blob {blob.Key} vanished while it was being copied.");
            await using var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            var (size, hash) = await CopyHashingAsync(source, file, ct);
            entries.Add(new ManifestEntry(blob.Key, size, hash));
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        await File.WriteAllLinesAsync(Path.Combine(path, ManifestName),
            entries.Select(e => $"{e.Key}\t{e.Size.ToString(CultureInfo.InvariantCulture)}\t{e.Sha256}"), ct);
        return entries;
    }

    /// <summary>Loads every blob into <paramref name="store"/>, which must be empty; a file whose hash differs from the manifest stops the import.</summary>
    public async Task<int> ImportAsync(IBlobStore store, CancellationToken ct)
    {
        await foreach (var _ in store.ListAsync("", ct))
            throw new InvalidOperationException("The target blob store is not empty; restore into an empty container.");
        var count = 0;
        foreach (var entry in await ReadManifestAsync(ct))
        {
            await using (var file = File.OpenRead(BlobPath(entry.Key)))
            {
                var (size, hash) = await CopyHashingAsync(file, Stream.Null, ct);
                if (size != entry.Size || hash != entry.Sha256)
                    throw new InvalidDataException($"{entry.Key} in the copy does not match its manifest line.");
            }
            await using (var file = File.OpenRead(BlobPath(entry.Key)))
                await store.PutAsync(entry.Key, file, ContentTypes.Of(entry.Key), overwrite: false, ct);
            count++;
        }
        return count;
    }

    /// <summary>The referenced keys missing from this copy (empty when the copy is complete).</summary>
    public async Task<(int Checked, List<ReferencedBlob> Missing)> VerifyAsync(IAsyncEnumerable<ReferencedBlob> references,
        CancellationToken ct)
    {
        var present = (await ReadManifestAsync(ct)).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var missing = new List<ReferencedBlob>();
        var count = 0;
        await foreach (var blob in references.WithCancellation(ct))
        {
            count++;
            if (!present.Contains(blob.Key)) missing.Add(blob);
        }
        return (count, missing);
    }

    public async Task<List<ManifestEntry>> ReadManifestAsync(CancellationToken ct) =>
        (await File.ReadAllLinesAsync(Path.Combine(path, ManifestName), ct))
        .Where(l => l.Length > 0)
        .Select(l => l.Split('\t') is [var key, var size, var sha]
            ? new ManifestEntry(key, long.Parse(size, CultureInfo.InvariantCulture), sha)
            : throw new FormatException($"Bad manifest line: {l}"))
        .ToList();

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> and returns its length and "sha256:…" hash.</summary>
    public static async Task<(long Size, string Sha256)> CopyHashingAsync(Stream source, Stream target, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        for (int read; (read = await source.ReadAsync(buffer, ct)) > 0;)
        {
            sha.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
            size += read;
        }
        return (size, "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset()));
    }
}

/// <summary>The content type a blob was stored with, from its extension (every key this app writes has one).</summary>
public static class ContentTypes
{
    public static string Of(string key) => Path.GetExtension(key) switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".heic" => "image/heic",
        ".heif" => "image/heif",
        ".avif" => "image/avif",
        ".tif" or ".tiff" => "image/tiff",
        ".pdf" => "application/pdf",
        ".zip" => "application/zip",
        _ => "application/octet-stream",
    };
}
