using ProgressTracker.Imaging.Alignment;

namespace ProgressTracker.Web.Features.Photos.Pipeline;

/// <summary>
/// Alignment's blobs: reads a photo's normalised master (the upright sRGB JPEG processing wrote), and writes the photo
/// warped onto its baseline's canvas, at display and thumb size, under its alignment revision.
/// </summary>
public sealed class AlignedDerivatives(IBlobStore blobs)
{
    /// <summary>The master's encoded bytes; null while it does not exist.</summary>
    public async Task<byte[]?> ReadMasterAsync(Photo photo, CancellationToken ct) =>
        photo.MasterKey is null ? null : await blobs.ReadAllBytesAsync(photo.MasterKey, ct);

    /// <summary>Renders the photo's master with its recorded matrix onto a canvas of <paramref name="baselineSize"/> (null: its own).</summary>
    public async Task WriteAsync(Photo photo, byte[] photoMaster, PixelSize? baselineSize, CancellationToken ct)
    {
        var matrix = photo.Alignment.Matrix ?? throw new InvalidOperationException("Nothing to render: no matrix.");
        await WriteAsync(photo, MasterAlignment.Render(photoMaster, matrix, baselineSize, ct), ct);
    }

    /// <summary>Writes aligned images already rendered with the photo's recorded matrix.</summary>
    public async Task WriteAsync(Photo photo, AlignedImages images, CancellationToken ct)
    {
        foreach (var (variant, bytes) in new[] { (BlobVariant.Display, images.DisplayJpeg), (BlobVariant.Thumb, images.ThumbJpeg) })
        {
            using var content = new MemoryStream(bytes, writable: false);
            var key = BlobKeys.Aligned(photo.PatientId, photo.Id, photo.Alignment.Revision, variant);
            await blobs.PutAsync(key, content, "image/jpeg", overwrite: true, ct);
        }
    }
}
