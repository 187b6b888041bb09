using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;

namespace ProgressTracker.Imaging.Inspection;

/// <summary>
/// Header check for WebP and TIFF in managed, bounds-checked code: ImageSharp's identify reads the RIFF chunk headers
/// or the TIFF directories and reports the dimensions without allocating pixel memory, so no native parser runs on
/// these uploads in the web process (docs/decisions/0012-imagesharp-for-untrusted-parsing.md). As with the ping it
/// replaces, a cut-off file is not detected here apart from WebP's RIFF size; the background decode reports it.
/// </summary>
internal static class IdentifyProbe
{
    // Only the two identifiers routed here: no other ImageSharp decoder (GIF, BMP, ...) is reachable from an upload.
    private static readonly Configuration Formats = new(new WebpConfigurationModule(), new TiffConfigurationModule());

    /// <returns>The check, or null when the file uses a feature ImageSharp does not parse (the caller falls back).</returns>
    public static StructureCheck? Probe(Stream stream, ImageFormatKind kind)
    {
        if (kind == ImageFormatKind.WebP)
        {
            if (RiffStructure.IsTruncated(stream)) return StructureCheck.Truncated();
            if (RiffStructure.FirstChunkTooShort(stream)) return StructureCheck.Damaged;
        }

        stream.Position = 0;
        try
        {
            var info = Image.Identify(Formats, stream);
            if (info is null || info.Width <= 0 || info.Height <= 0) return StructureCheck.Damaged;
            return new(StructureStatus.Complete, info.Width, info.Height);
        }
        catch (NotSupportedException)
        {
            return null;
        }
        catch (Exception e) when (e is ImageFormatException or InvalidDataException or EndOfStreamException
                                      or ArgumentException or IndexOutOfRangeException or OverflowException
                                      or InvalidOperationException)
        {
            // ImageFormatException covers unknown formats and invalid content; the others are how a malformed
            // directory or chunk surfaces when it trips a bounds or range check instead of a format check.
            return StructureCheck.Damaged;
        }
    }
}
