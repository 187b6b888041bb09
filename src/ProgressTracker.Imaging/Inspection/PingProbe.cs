using ImageMagick;
using ProgressTracker.Imaging.Normalization;

namespace ProgressTracker.Imaging.Inspection;

/// <summary>
/// Header check for HEIC and AVIF, which no managed library here parses (and for a WebP or TIFF using a feature
/// <see cref="IdentifyProbe"/> does not parse). The brand has already been checked (<see cref="IsoBmffBrands"/>);
/// ImageMagick's "ping" then parses the header and reports dimensions without decoding pixel data, under the same
/// process-wide resource limits as decoding. Apart from WebP's RIFF size, a cut-off file in these formats is not
/// detected here; the background decode reports it instead.
/// </summary>
internal static class PingProbe
{
    public static StructureCheck Probe(Stream stream, ImageFormatKind kind, ImageLimits limits)
    {
        if (kind == ImageFormatKind.WebP && RiffStructure.IsTruncated(stream)) return StructureCheck.Truncated();

        MagickResourceGuard.Apply(limits);
        stream.Position = 0;
        try
        {
            var info = new MagickImageInfo(stream, MagickFormats.ReadSettings(kind));
            if (info.Width == 0 || info.Height == 0 || info.Width > int.MaxValue || info.Height > int.MaxValue)
                return StructureCheck.Damaged;
            return new(StructureStatus.Complete, (int)info.Width, (int)info.Height);
        }
        catch (MagickException)
        {
            return StructureCheck.Damaged;
        }
    }
}
