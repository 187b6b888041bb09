using ImageMagick;
using OpenCvSharp;
using ProgressTracker.Imaging.Inspection;
using ProgressTracker.Imaging.Memory;
using ProgressTracker.Imaging.Normalization;

namespace ProgressTracker.Imaging;

/// <summary>
/// Full decode for the background job: upright (EXIF orientation applied exactly once), sRGB, opaque,
/// 8-bit BGR, no metadata. The upload checks are repeated first because the stored original may have
/// arrived by another path (import, seed data) or under different limits.
/// </summary>
/// <remarks>
/// Two routes give the same result. The JPEGs phones write (8-bit YCbCr or greyscale, untagged, sRGB or tagged
/// with a matrix/TRC profile such as Display P3) are decoded by libjpeg-turbo through OpenCV, converted to sRGB
/// and turned upright on one matrix. Everything else — HEIC, AVIF, PNG, WebP, TIFF, CMYK or 12-bit JPEGs, profiles
/// built from lookup tables — goes through ImageMagick as before. Cancelling the token stops either promptly,
/// ImageMagick in the middle of a decode, with an <see cref="OperationCanceledException"/>.
/// </remarks>
public static class PhotoNormalizer
{
    private const string Corrupt = "The image data is corrupt and could not be decoded.";

    public static NormalizedPhoto Normalize(ReadOnlyMemory<byte> original, ImageLimits limits, CancellationToken ct = default) =>
        Decode(original, limits, minLongEdge: 0, ct);

    /// <summary>
    /// For callers that only need smaller pictures (previews, alignment, re-rendering display sizes): a JPEG is
    /// decoded straight from the DCT at the smallest of 1/2, 1/4 or 1/8 scale whose long edge is still at least
    /// <paramref name="minLongEdge"/>, which is several times cheaper than a full decode. Other formats, and
    /// photos that are small already, come out at full size. Either way the result is upright, sRGB and opaque,
    /// and its long edge is at least <paramref name="minLongEdge"/> or the photo's own.
    /// </summary>
    /// <remarks>A separate name rather than an overload of <see cref="Normalize"/>, so that a call passing
    /// <c>default</c> for the token stays unambiguous.</remarks>
    public static NormalizedPhoto NormalizeAtLeast(ReadOnlyMemory<byte> original, ImageLimits limits, int minLongEdge, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minLongEdge, 1);
        return Decode(original, limits, minLongEdge, ct);
    }

    private static NormalizedPhoto Decode(ReadOnlyMemory<byte> original, ImageLimits limits, int minLongEdge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ct.ThrowIfCancellationRequested();
        NativeHeap.NoteUse();

        var inspection = InspectInMemory(original, limits);
        if (!inspection.Accepted || inspection.Format is not { } format)
            throw new PhotoDecodeException(inspection.RejectionReason ?? Corrupt);

        var metadata = CaptureTimeReader.ReadDirectories(original);
        var capturedAt = CaptureTimeReader.Read(metadata);
        ct.ThrowIfCancellationRequested();

        Mat? pixels = null;
        if (format == ImageFormatKind.Jpeg)
        {
            var scale = JpegDecoder.ScaleFor(inspection.Width, inspection.Height, minLongEdge);
            pixels = JpegDecoder.TryDecode(original, scale, CaptureTimeReader.Orientation(metadata), ct);
        }
        pixels ??= DecodeWithMagick(original, format, limits, ct);
        return new NormalizedPhoto(pixels, format, capturedAt);
    }

    private static Mat DecodeWithMagick(ReadOnlyMemory<byte> original, ImageFormatKind format, ImageLimits limits, CancellationToken ct)
    {
        try
        {
            return MagickDecoder.Decode(original, format, limits, ct);
        }
        catch (MagickException e) when (ct.IsCancellationRequested)
        {
            // ImageMagick stopped because we asked it to: that is a cancellation, not a broken file.
            throw new OperationCanceledException("Decoding was cancelled.", e, ct);
        }
        catch (MagickMissingDelegateErrorException e)
        {
            throw new PhotoDecodeException($"{RejectionMessages.Name(format)} photos cannot be decoded on this server.", e);
        }
        catch (MagickException e) when (e is MagickCacheErrorException or MagickResourceLimitErrorException)
        {
            // The resource limits tripped: the header understated what decoding needs.
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
