using System.Runtime.InteropServices;
using ImageMagick;
using OpenCvSharp;

namespace ProgressTracker.Imaging.Normalization;

/// <summary>Copies ImageMagick pixels into an OpenCV matrix; raw BGR carries no metadata by construction.</summary>
internal static class PixelExport
{
    public static Mat ToBgrMat(MagickImage image)
    {
        var bgr = image.ToByteArray(MagickFormat.Bgr);
        int width = checked((int)image.Width), height = checked((int)image.Height);
        if (bgr.LongLength != (long)width * height * 3)
            throw new InvalidOperationException($"Expected {width}×{height}×3 bytes of BGR, got {bgr.LongLength}.");

        var mat = new Mat(height, width, MatType.CV_8UC3);
        Marshal.Copy(bgr, 0, mat.Data, bgr.Length);
        return mat;
    }
}
