using OpenCvSharp;

namespace ProgressTracker.Imaging.Composition;

/// <summary>
/// A single photo made fit to leave the clinic: decoded, optionally cropped, shrunk to a long edge and re-encoded as
/// JPEG from bare pixels, so nothing of the original file travels with it: no EXIF (camera, time, GPS), no XMP, no ICC
/// profile, no comment; only the JFIF header every JPEG decoder expects.
/// </summary>
public static class DeidentifiedImage
{
    public const int JpegQuality = 90;
    public const int MinLongEdge = 64;
    public const int MaxLongEdge = 4096;

    /// <param name="image">An encoded upright image (JPEG, PNG or WebP).</param>
    /// <param name="crop">A rectangle in the image's pixels, clipped to it; null for the whole image.</param>
    /// <param name="longEdge">The long edge of the result at most; a smaller image is never enlarged.</param>
    /// <exception cref="ArgumentException">The image cannot be decoded, or the crop or size is unusable.</exception>
    public static byte[] Render(byte[] image, CaseCrop? crop, int longEdge = 1280)
    {
        if (longEdge is < MinLongEdge or > MaxLongEdge)
            throw new ArgumentOutOfRangeException(nameof(longEdge), longEdge,
                $"The long edge must be between {MinLongEdge} and {MaxLongEdge} px.");
        using var decoded = EncodedImage.Decode(image, nameof(image), "The image");
        var (clipped, problem) = CaseRules.ClipCrop(crop, decoded.Width, decoded.Height);
        if (problem is not null) throw new ArgumentException(problem, nameof(crop));
        var area = clipped is { } c ? new Rect(c.X, c.Y, c.Width, c.Height) : new Rect(0, 0, decoded.Width, decoded.Height);
        using var part = new Mat(decoded, area);
        return DerivativeRenderer.ResizeToJpeg(part, longEdge, JpegQuality);
    }
}
