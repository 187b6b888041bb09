namespace ProgressTracker.Web.Infrastructure.Storage;

public static class BlobBytes
{
    /// <summary>Reads a stored blob whole (an image the app wrote itself, for the imaging library); null when missing.</summary>
    public static async Task<byte[]?> ReadAllBytesAsync(this IBlobStore blobs, string key, CancellationToken ct)
    {
        await using var stream = await blobs.OpenReadAsync(key, ct);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
