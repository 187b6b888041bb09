using ProgressTracker.Imaging.Alignment;

namespace ProgressTracker.Web.Features.Photos.Pipeline;

/// <summary>Writes the photo warped onto its baseline's canvas, at display and thumb size, under its revision.</summary>
public sealed class AlignedDerivatives(IBlobStore blobs)
{
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
