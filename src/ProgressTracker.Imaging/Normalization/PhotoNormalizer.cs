using ImageMagick;
using ProgressTracker.Imaging.Normalization;

namespace ProgressTracker.Imaging;

/// <summary>
/// Full decode for the background job: upright (EXIF orientation applied exactly once), sRGB, opaque,
/// 8-bit BGR, no metadata. The upload checks are repeated first because the stored original may have
/// arrived by another path (import, seed data) or under different limits.
/// </summary>
public static class PhotoNormalizer
{
    private const string Corrupt = "The image data is corrupt and could not be decoded.";

    public static NormalizedPhoto Normalize(ReadOnlyMemory<byte> original, ImageLimits limits, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ct.ThrowIfCancellationRequested();

        var inspection = InspectInMemory(original, limits);
        if (!inspection.Accepted || inspection.Format is not { } format)
            throw new PhotoDecodeException(inspection.RejectionReason ?? Corrupt);

        var capturedAt = CaptureTimeReader.Read(original);
        MagickResourceGuard.Apply(limits);
        ct.ThrowIfCancellationRequested();
        try
        {
            using var image = new MagickImage();
            image.Read(original.Span, MagickFormats.ReadSettings(format));
            ct.ThrowIfCancellationRequested();

            ColourNormalization.ToOpaqueSrgb(image);
            image.AutoOrient();
            ct.ThrowIfCancellationRequested();

            return new NormalizedPhoto(PixelExport.ToBgrMat(image), format, capturedAt);
        }
        catch (MagickMissingDelegateErrorException e)
        {
            throw new PhotoDecodeException($"{Inspection.RejectionMessages.Name(format)} photos cannot be decoded on this server.", e);
        }
        catch (MagickCacheErrorException e)
        {
            throw new PhotoDecodeException("The image is too large to process. Please export it at a smaller size.", e);
        }
        catch (MagickResourceLimitErrorException e)
        {
            throw new PhotoDecodeException("The image is too large to process. Please export it at a smaller size.", e);
        }
        catch (MagickException e)
        {
            throw new PhotoDecodeException(Corrupt, e);
        }
    }

    private static InspectionResult InspectInMemory(ReadOnlyMemory<byte> original, ImageLimits limits)
    {
        using var stream = ReadOnlyStream.Over(original);
        return UploadInspector.Inspect(stream, limits);
    }
}
