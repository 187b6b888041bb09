using ImageMagick;
using OpenCvSharp;

namespace ProgressTracker.Imaging.Normalization;

/// <summary>
/// The fast route for the JPEGs phones and cameras write: libjpeg-turbo through OpenCV (the same decoder
/// ImageMagick uses, without its pixel cache and export copies), optionally at 1/2, 1/4 or 1/8 scale straight from
/// the DCT, then the profile conversion to sRGB and the EXIF orientation, all on the one matrix. Returns null for
/// anything it does not handle exactly as the ImageMagick route would, which then decodes the file instead.
/// </summary>
internal static class JpegDecoder
{
    public static Mat? TryDecode(ReadOnlyMemory<byte> original, int scale, int? orientation, CancellationToken ct)
    {
        var header = JpegHeader.Read(original.Span);
        if (header is null || !header.FitsFastDecode) return null;

        SrgbConversion? conversion = null;
        if (header.IccProfile is { } icc)
        {
            var describedAsSrgb = DescribedAsSrgb(icc);
            if (describedAsSrgb is null) return null;
            if (describedAsSrgb == false)
            {
                // A greyscale JPEG with an RGB profile (or any other mismatch) is ImageMagick's to judge.
                if (header.Components != 3) return null;
                conversion = SrgbConversion.For(icc);
                if (conversion is null) return null;
            }
        }

        Mat decoded;
        try
        {
            decoded = Cv2.ImDecode(original.Span, Flags(scale));
        }
        catch (Exception e) when (e is OpenCVException or OpenCvSharpException)
        {
            return null;
        }
        if (decoded.Empty() || decoded.Type() != MatType.CV_8UC3)
        {
            decoded.Dispose();
            return null;
        }

        return ExifOrientation.FinishDecode(decoded, conversion, orientation, ct);
    }

    /// <summary>The largest DCT scale-down (1, 2, 4 or 8) that keeps the long edge at or above <paramref name="minLongEdge"/>.</summary>
    public static int ScaleFor(int width, int height, int minLongEdge)
    {
        var longEdge = Math.Max(width, height);
        if (minLongEdge <= 0 || longEdge <= 0) return 1;
        foreach (var scale in new[] { 8, 4, 2 })
        {
            if ((longEdge + scale - 1) / scale >= minLongEdge) return scale;
        }
        return 1;
    }

    private static ImreadModes Flags(int scale) => ImreadModes.IgnoreOrientation | scale switch
    {
        2 => ImreadModes.ReducedColor2,
        4 => ImreadModes.ReducedColor4,
        8 => ImreadModes.ReducedColor8,
        _ => ImreadModes.Color,
    };

    /// <summary>Null when ImageMagick's reader of profiles cannot make sense of it.</summary>
    private static bool? DescribedAsSrgb(byte[] icc)
    {
        try
        {
            return ColourNormalization.IsSrgb(new ColorProfile(icc));
        }
#pragma warning disable CA1031 // Any trouble with the profile sends the file down the ImageMagick route.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
