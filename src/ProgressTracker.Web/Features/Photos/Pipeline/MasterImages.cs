namespace ProgressTracker.Web.Features.Photos.Pipeline;

/// <summary>Loads a photo's normalised master (upright sRGB JPEG written by processing) as its encoded bytes.</summary>
public sealed class MasterImages(IBlobStore blobs)
{
    public async Task<byte[]?> LoadAsync(Photo photo, CancellationToken ct) =>
        photo.MasterKey is null ? null : await blobs.ReadAllBytesAsync(photo.MasterKey, ct);
}
