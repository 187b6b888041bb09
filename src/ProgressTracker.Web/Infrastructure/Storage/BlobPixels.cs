using OpenCvSharp;

namespace ProgressTracker.Web.Infrastructure.Storage;

public static class BlobPixels
{
    /// <summary>Decodes a stored image (one the app wrote itself) to BGR pixels; null when missing or unreadable.</summary>
    public static async Task<Mat?> DecodeAsync(this IBlobStore blobs, string key, CancellationToken ct)
    {
        await using var stream = await blobs.OpenReadAsync(key, ct);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var mat = Cv2.ImDecode(buffer.ToArray(), ImreadModes.Color);
        if (!mat.Empty()) return mat;
        mat.Dispose();
        return null;
    }
}
