namespace ProgressTracker.Web.Infrastructure.Storage;

/// <summary>
/// The only way the app touches blob storage. Keys come from <see cref="BlobKeys"/>. Implementations are chosen once
/// at startup (filesystem for the embedded default, Azure Blob for production) and pass the same contract tests.
/// </summary>
public interface IBlobStore
{
    /// <summary>Writes a blob atomically: readers see the old content or the new, never a partial one.</summary>
    /// <exception cref="BlobAlreadyExistsException">when <paramref name="overwrite"/> is false and the key exists.</exception>
    Task PutAsync(string key, Stream content, string contentType, bool overwrite, CancellationToken ct);

    /// <summary>Opens a blob for reading, or returns null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct);

    Task<bool> ExistsAsync(string key, CancellationToken ct);

    /// <summary>Deletes a blob; deleting a missing one is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>
    /// A short-lived, read-only URL for this one blob that a browser can fetch directly, or null when this store
    /// cannot hand out such URLs (the caller then streams the blob itself). Call only after authorising the reader.
    /// </summary>
    /// <param name="downloadName">When set, the response to that URL asks the browser to save the file under this
    /// name (Content-Disposition: attachment) and not to cache it.</param>
    Task<Uri?> GetDirectReadUriAsync(string key, TimeSpan lifetime, string? downloadName, CancellationToken ct);

    /// <summary>
    /// Every blob whose key starts with <paramref name="prefix"/> ("" for all), streamed page by page, with its size and
    /// last-modified time. Writes still in progress are not listed. Used by the orphan sweep, the integrity check and
    /// the blob export of a backup; order is not guaranteed.
    /// </summary>
    IAsyncEnumerable<BlobEntry> ListAsync(string prefix, CancellationToken ct);

    /// <summary>Throws when the store cannot be reached; used by /health.</summary>
    Task CheckAvailableAsync(CancellationToken ct);
}

/// <summary>One listed blob: its key, its length in bytes and when it was last written.</summary>
public sealed record BlobEntry(string Key, long Size, DateTimeOffset LastModified);

public sealed class BlobAlreadyExistsException(string key) : Exception($"A blob already exists at '{key}'.");
