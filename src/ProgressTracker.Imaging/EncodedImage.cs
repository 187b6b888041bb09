using OpenCvSharp;

namespace ProgressTracker.Imaging;

/// <summary>
/// Decodes the encoded images the public entry points take (masters and derivatives the app wrote itself) to BGR
/// pixels, once per call; an unreadable image is a bad argument, named so the message says which input it was.
/// </summary>
internal static class EncodedImage
{
    public static Mat Decode(byte[] encoded, string paramName, string what)
    {
        ArgumentNullException.ThrowIfNull(encoded, paramName);
        var mat = encoded.Length == 0 ? new Mat() : Cv2.ImDecode(encoded, ImreadModes.Color);
        if (!mat.Empty()) return mat;
        mat.Dispose();
        throw new ArgumentException($"{what} could not be decoded.", paramName);
    }
}
