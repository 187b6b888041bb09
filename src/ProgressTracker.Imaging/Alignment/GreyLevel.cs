using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// One pyramid level for registration: the grey image (CV_32FC1), which of its pixels carry usable intensity
/// (CV_32FC1, 0 or 1), the soft silhouette, and the map from master pixels to this level's pixels.
/// </summary>
internal sealed class GreyLevel : IDisposable
{
    private const int Clipped = 250; // an over-exposed channel no longer follows the light, so it cannot be matched

    public GreyLevel(Mat bgr, double[] fromMaster, Silhouette silhouette)
    {
        using (var soft = silhouette.Soft(bgr)) soft.ConvertTo(Silhouette, MatType.CV_32FC1, 255);
        Grey = new Mat();
        Cv2.CvtColor(bgr, Grey, ColorConversionCodes.BGR2GRAY);
        Grey.ConvertTo(Grey, MatType.CV_32FC1);
        FromMaster = fromMaster;

        using var brightest = new Mat();
        using var channels = new DisposableArray(bgr.Split());
        Cv2.Max(channels[0], channels[1], brightest);
        Cv2.Max(brightest, channels[2], brightest);
        using var clipped = new Mat();
        Cv2.Threshold(brightest, clipped, Clipped - 1, 255, ThresholdTypes.Binary);
        Cv2.Dilate(clipped, clipped, null, iterations: 1);
        Usable = new Mat();
        Cv2.Threshold(clipped, Usable, 0, 1, ThresholdTypes.BinaryInv);
        Usable.ConvertTo(Usable, MatType.CV_32FC1);
    }

    public Mat Grey { get; }
    public Mat Usable { get; }
    /// <summary>Body-ness at this level, 0 (backdrop) to 255 (body), with a sub-pixel outline.</summary>
    public Mat Silhouette { get; } = new();
    public double[] FromMaster { get; }
    public Size Size => Grey.Size();

    public void Dispose()
    {
        Grey.Dispose();
        Usable.Dispose();
        Silhouette.Dispose();
    }

    private sealed class DisposableArray(Mat[] mats) : IDisposable
    {
        public Mat this[int i] => mats[i];
        public void Dispose()
        {
            foreach (var m in mats) m.Dispose();
        }
    }
}
