using OpenCvSharp;
using OpenCvSharp.Aruco;

namespace ProgressTracker.Imaging.Evaluation.Measurement;

/// <summary>
/// A printed ArUco marker (4×4_50, id 7, white border) laid flat on a generated photo, as if held against the body's
/// plane: its side is <paramref name="sizeMm"/> at the given scale, placed on the belly below the navel.
/// </summary>
public static class MarkerPatch
{
    public static void Apply(Mat image, double sizeMm, double pixelsPerMm)
    {
        ArgumentNullException.ThrowIfNull(image);
        var side = (int)Math.Round(sizeMm * pixelsPerMm);
        using var dictionary = CvAruco.GetPredefinedDictionary(PredefinedDictionaryType.Dict4X4_50);
        using var marker = new Mat();
        dictionary.GenerateImageMarker(7, side, marker, 1);
        var border = Math.Max(4, side / 6);
        int x = image.Width / 2 - side / 2, y = (int)(0.26 * image.Height);
        image[new Rect(x - border, y - border, side + 2 * border, side + 2 * border)].SetTo(Scalar.All(245));
        using var colour = new Mat();
        Cv2.CvtColor(marker, colour, ColorConversionCodes.GRAY2BGR);
        colour.CopyTo(image[new Rect(x, y, side, side)]);
    }
}
