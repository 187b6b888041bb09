using ProgressTracker.Imaging.Inspection;

namespace ProgressTracker.Imaging;

/// <summary>
/// Cheap checks done during upload, before anything is stored. Only headers and container structure
/// are read; pixels are never decoded here (that is the background job's work). JPEG and PNG are walked by our own
/// code, WebP and TIFF identified by ImageSharp (managed); only HEIC and AVIF reach a native parser (ImageMagick's
/// ping, under resource limits).
/// </summary>
public static class UploadInspector
{
    /// <param name="stream">A seekable stream (temp file or memory); read from the start, then put back where it was.</param>
    public static InspectionResult Inspect(Stream stream, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        if (!stream.CanSeek) throw new ArgumentException("The upload stream must be seekable.", nameof(stream));

        var position = stream.Position;
        try
        {
            return InspectFromStart(stream, limits);
        }
        finally
        {
            stream.Position = position;
        }
    }

    private static InspectionResult InspectFromStart(Stream stream, ImageLimits limits)
    {
        var length = stream.Length;
        if (length == 0) return InspectionResult.Reject(RejectionMessages.Empty);
        if (length > limits.MaxBytes) return InspectionResult.Reject(RejectionMessages.TooManyBytes(length, limits.MaxBytes));

        var head = new byte[(int)Math.Min(FormatSniffer.HeaderLength, length)];
        stream.Position = 0;
        stream.ReadExactly(head);
        var sniff = FormatSniffer.Detect(head);
        if (sniff.Kind is not { } kind) return InspectionResult.Reject(RejectionMessages.NotAnImage(sniff.ForeignDescription));

        stream.Position = 0;
        var check = kind switch
        {
            ImageFormatKind.Jpeg => JpegStructure.Walk(stream),
            ImageFormatKind.Png => PngStructure.Walk(stream),
            ImageFormatKind.WebP or ImageFormatKind.Tiff => IdentifyProbe.Probe(stream, kind) ?? PingProbe.Probe(stream, kind, limits),
            _ => PingProbe.Probe(stream, kind, limits),
        };
        return Judge(kind, check, limits, length);
    }

    /// <summary>A solid-colour 4:2:0 JPEG costs about one byte per 120 pixels; real photos far more.</summary>
    private const long MinPixelsPerJpegByte = 2000;

    private static InspectionResult Judge(ImageFormatKind kind, StructureCheck check, ImageLimits limits, long length)
    {
        // Dimensions come from the header, so an oversized image is reported even if the file is also cut short.
        if (check.HasDimensions && (long)check.Width * check.Height > limits.MaxPixels)
            return InspectionResult.Reject(RejectionMessages.TooManyPixels(check.Width, check.Height, limits.MaxPixels), kind);

        // A decoder fills missing JPEG data with grey, so a few kilobytes claiming tens of megapixels would "succeed"
        // as a blank photo after seconds of work. Even a uniformly black JPEG needs far more than this.
        if (kind == ImageFormatKind.Jpeg && check.Status == StructureStatus.Complete && check.HasDimensions
            && length < (long)check.Width * check.Height / MinPixelsPerJpegByte)
            return InspectionResult.Reject(RejectionMessages.ImplausiblySmall(kind, check.Width, check.Height, length), kind);

        return check.Status switch
        {
            StructureStatus.Complete => InspectionResult.Ok(kind, check.Width, check.Height),
            StructureStatus.Truncated => InspectionResult.Reject(RejectionMessages.Incomplete(kind), kind),
            StructureStatus.NoImageData => InspectionResult.Reject(RejectionMessages.NoImageData(kind), kind),
            _ => InspectionResult.Reject(RejectionMessages.HeaderDamaged(kind), kind),
        };
    }
}
