using OpenCvSharp;
using OpenCvSharp.Aruco;

namespace ProgressTracker.Imaging.Measurement;

/// <summary>The scale a printed marker gives, or why it gives none.</summary>
internal sealed record Calibration(double? MillimetresPerPixel, string? Note);

/// <summary>
/// Millimetres from a printed ArUco marker (dictionary 4×4_50, any id) of known side length held in the body's plane.
/// The marker is found on a reduced copy, its corners refined at full resolution, and the scale is the known side over
/// the mean side in pixels. A marker seen at an angle (its sides differ by more than a few per cent) would give a
/// wrong scale, so it gives none: the photo is then reported in relative units only.
/// </summary>
internal static class MarkerCalibration
{
    private const int SearchEdge = 2000;
    private const double MaxSideRatio = 1.04;

    public static Calibration Find(Mat image, double markerSizeMm)
    {
        var factor = Math.Min(1.0, (double)SearchEdge / Math.Max(image.Width, image.Height));
        using var grey = new Mat();
        Cv2.CvtColor(image, grey, ColorConversionCodes.BGR2GRAY);
        using var small = new Mat();
        Cv2.Resize(grey, small, new Size(), factor, factor, InterpolationFlags.Area);

        using var dictionary = CvAruco.GetPredefinedDictionary(PredefinedDictionaryType.Dict4X4_50);
        using var detector = new ArucoDetector(dictionary);
        detector.DetectMarkers(small, out var corners, out var ids, out _);
        if (ids.Length == 0) return new Calibration(null, null);
        if (ids.Length > 1) return new Calibration(null, "More than one marker is in the photo, so none was used for millimetres.");

        var points = corners[0].Select(p => new Point2f((float)((p.X + 0.5) / factor - 0.5), (float)((p.Y + 0.5) / factor - 0.5))).ToArray();
        var window = Math.Max(3, (int)Math.Round(1 / factor) + 2);
        Cv2.CornerSubPix(grey, points, new Size(window, window), new Size(-1, -1),
            new TermCriteria(CriteriaTypes.Count | CriteriaTypes.Eps, 40, 0.01));
        var sides = Enumerable.Range(0, 4).Select(i => Distance(points[i], points[(i + 1) % 4])).ToArray();
        if (sides.Max() / sides.Min() > MaxSideRatio)
            return new Calibration(null, "The marker is not facing the camera squarely, so it was not used for millimetres.");
        return new Calibration(markerSizeMm / sides.Average(), null);
    }

    private static double Distance(Point2f a, Point2f b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
