using System.Runtime.InteropServices;
using ImageMagick;
using OpenCvSharp;

namespace ProgressTracker.Imaging.Composition;

/// <summary>Moves BGR pixels between OpenCV (layout, resizing) and ImageMagick (text, GIF encoding).</summary>
internal static class MagickPixels
{
    public static MagickImage FromMat(Mat bgr)
    {
        using var continuous = bgr.IsContinuous() ? null : bgr.Clone();
        var source = continuous ?? bgr;
        var bytes = new byte[source.Width * source.Height * 3];
        Marshal.Copy(source.Data, bytes, 0, bytes.Length);
        var image = new MagickImage();
        image.ReadPixels(bytes, new PixelReadSettings((uint)source.Width, (uint)source.Height, StorageType.Char, PixelMapping.BGR));
        return image;
    }

    public static Mat ToMat(MagickImage image)
    {
        int width = checked((int)image.Width), height = checked((int)image.Height);
        var bgr = image.ToByteArray(MagickFormat.Bgr);
        if (bgr.LongLength != (long)width * height * 3)
            throw new InvalidOperationException($"Expected {width}×{height}×3 bytes of BGR, got {bgr.LongLength}.");
        var mat = new Mat(height, width, MatType.CV_8UC3);
        Marshal.Copy(bgr, 0, mat.Data, bgr.Length);
        return mat;
    }
}
