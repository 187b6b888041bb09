using OpenCvSharp;
using ProgressTracker.Imaging;
using ProgressTracker.Imaging.Alignment;

namespace ProgressTracker.Web.Features.Photos.Pipeline;

/// <summary>Writes the photo warped onto its baseline's canvas, at display and thumb size, under its revision.</summary>
public sealed class AlignedDerivatives(IBlobStore blobs)
{
    public async Task WriteAsync(Photo photo, Mat photoMaster, Size baselineSize, CancellationToken ct)
    {
        var matrix = photo.Alignment.Matrix ?? throw new InvalidOperationException("Nothing to render: no matrix.");
        foreach (var (variant, edge) in new[]
                 {
                     (BlobVariant.Display, DerivativeSpec.DisplayLongEdge), (BlobVariant.Thumb, DerivativeSpec.ThumbLongEdge),
                 })
        {
            using var warped = AlignedRenderer.Render(photoMaster, matrix, baselineSize, edge);
            var bytes = DerivativeRenderer.EncodeJpeg(warped, DerivativeSpec.JpegQuality);
            using var content = new MemoryStream(bytes, writable: false);
            var key = BlobKeys.Aligned(photo.PatientId, photo.Id, photo.Alignment.Revision, variant);
            await blobs.PutAsync(key, content, "image/jpeg", overwrite: true, ct);
        }
    }
}
