using System.Runtime.InteropServices;
using ImageMagick;
using OpenCvSharp;

namespace ProgressTracker.Imaging.Normalization;

/// <summary>Copies ImageMagick pixels into an OpenCV matrix; raw BGR carries no metadata by construction.</summary>
internal static class PixelExport
{
    public static Mat ToBgrMat(MagickImage image)
    {
        int width = checked((int)image.Width), height = checked((int)image.Height);
        return IsPlainRgb(image) ? FromPixelCache(image, width, height) : ViaByteArray(image);
    }

    /// <summary>
    /// Three 8-bit channels in R, G, B order: OpenCV swaps them straight out of ImageMagick's pixel cache into the
    /// matrix, one pass and no managed copy of the whole image (a 12-megapixel photo would be 36 MB).
    /// </summary>
    private static bool IsPlainRgb(MagickImage image) =>
        image.ChannelCount == 3 && image.Channels.SequenceEqual([PixelChannel.Red, PixelChannel.Green, PixelChannel.Blue]);

    private static Mat FromPixelCache(MagickImage image, int width, int height)
    {
        using var pixels = image.GetPixelsUnsafe();
        var area = pixels.GetAreaPointer(0, 0, (uint)width, (uint)height);
        if (area == IntPtr.Zero) return ViaByteArray(image);
        using var rgb = Mat.FromPixelData(height, width, MatType.CV_8UC3, area);
        var bgr = new Mat();
        Cv2.CvtColor(rgb, bgr, ColorConversionCodes.RGB2BGR);
        return bgr;
    }

    private static Mat ViaByteArray(MagickImage image) => Composition.MagickPixels.ToMat(image);
}
