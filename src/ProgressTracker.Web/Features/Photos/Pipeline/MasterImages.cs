using OpenCvSharp;

namespace ProgressTracker.Web.Features.Photos.Pipeline;

/// <summary>Loads a photo's normalised master (upright sRGB JPEG written by processing) as pixels.</summary>
public sealed class MasterImages(IBlobStore blobs)
{
    public async Task<Mat?> LoadAsync(Photo photo, CancellationToken ct) =>
        photo.MasterKey is null ? null : await blobs.DecodeAsync(photo.MasterKey, ct);
}
