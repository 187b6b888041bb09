namespace ProgressTracker.Web.Infrastructure.Storage;

public static class BlobBytes
{
    /// <summary>
    /// Reads a stored blob whole, for the imaging library; null when missing. <paramref name="expectedBytes"/>, when
    /// known, sizes the buffer once instead of growing it through a 12 MP photo.
    /// </summary>
    public static async Task<byte[]?> ReadAllBytesAsync(this IBlobStore blobs, string key, CancellationToken ct,
        long expectedBytes = 0)
    {
        await using var stream = await blobs.OpenReadAsync(key, ct);
        if (stream is null) return null;
        using var buffer = new MemoryStream(expectedBytes is > 0 and < int.MaxValue ? (int)expectedBytes : 0);
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
