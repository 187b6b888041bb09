using OpenCvSharp;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Infrastructure.Storage;

namespace ProgressTracker.Web.Features.Alignment;

/// <summary>Loads a photo's normalised master (upright sRGB JPEG written by processing) as pixels.</summary>
public sealed class MasterImages(IBlobStore blobs)
{
    public async Task<Mat?> LoadAsync(Photo photo, CancellationToken ct)
    {
        if (photo.MasterKey is null) return null;
        await using var stream = await blobs.OpenReadAsync(photo.MasterKey, ct);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var mat = Cv2.ImDecode(buffer.ToArray(), ImreadModes.Color);
        if (!mat.Empty()) return mat;
        mat.Dispose();
        return null;
    }
}
