using System.Diagnostics;
using OpenCvSharp;

namespace ProgressTracker.Imaging.Segmentation;

/// <summary>
/// The person model, loaded once per process. Without its file the imaging library keeps working on the backdrop
/// model alone: <see cref="Status"/> says why once, and every call returns null.
/// </summary>
internal static class PoseModel
{
    /// <summary>Below this the model does not see a person; its mask and landmarks are then noise.</summary>
    public const double MinConfidence = 0.5;

    private static readonly Lazy<(PoseNetwork? Network, string Status)> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static bool IsAvailable => Loaded.Value.Network is not null;
    public static string Status => Loaded.Value.Status;

    /// <summary>The person's landmarks in <paramref name="bgr"/>'s pixels, or null (no model, or no person seen).</summary>
    public static PersonPose? Estimate(Mat bgr)
    {
        using var mask = Segment(bgr);
        return mask?.Pose;
    }

    /// <summary>
    /// The person's probability over <paramref name="bgr"/>'s frame and its pose, or null. Two passes: the whole frame
    /// padded to a square, then a square around what the first pass found, which gives the person more of the
    /// model's 256 pixels (the model's own person detector does not load in OpenCV, so this stands in for it).
    /// A head is not needed: hip photos are framed from the waist to the knees.
    /// </summary>
    public static PersonMask? Segment(Mat bgr)
    {
        if (Loaded.Value.Network is not { } network) return null;
        var side = Math.Max(bgr.Width, bgr.Height);
        var whole = network.Run(bgr, new Rect2d((bgr.Width - side) / 2.0, (bgr.Height - side) / 2.0, side, side));
        if (whole.Pose.Confidence < MinConfidence || Around(whole.Probability) is not { } view) return Keep(whole);
        var close = network.Run(bgr, view);
        if (close.Pose.Confidence < Math.Min(whole.Pose.Confidence, 0.9))
        {
            close.Dispose();
            return Keep(whole);
        }
        whole.Dispose();
        return close;
    }

    private static PersonMask? Keep(PersonMask mask)
    {
        if (mask.Pose.Confidence >= MinConfidence) return mask;
        mask.Dispose();
        return null;
    }

    /// <summary>A square 30 % larger than the person's bounding box, or null when the box is empty.</summary>
    private static Rect2d? Around(Mat probability)
    {
        using var person = new Mat();
        Cv2.Threshold(probability, person, 0.5, 255, ThresholdTypes.Binary);
        person.ConvertTo(person, MatType.CV_8UC1);
        var box = Cv2.BoundingRect(person);
        if (box.Width < 4 || box.Height < 4) return null;
        var side = 1.3 * Math.Max(box.Width, box.Height);
        return new Rect2d(box.X + box.Width / 2.0 - side / 2, box.Y + box.Height / 2.0 - side / 2, side, side);
    }

    private static (PoseNetwork?, string) Load()
    {
        var (path, looked) = PoseModelFile.Locate();
        string status;
        if (path is null)
            status = $"Person model not found (looked at {looked}); silhouettes use the backdrop model alone. Run infra/models.sh.";
        else
        {
            try
            {
                var network = PoseNetwork.Load(path);
                return (network, $"Person model loaded from {path}.");
            }
            catch (Exception e) when (e is OpenCVException or InvalidOperationException)
            {
                status = $"Person model {path} did not load ({e.Message}); silhouettes use the backdrop model alone.";
            }
        }
        Trace.TraceWarning(status); // said once: the result is kept for the process
        return (null, status);
    }
}
