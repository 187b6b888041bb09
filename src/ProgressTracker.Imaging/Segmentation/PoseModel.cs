using System.Diagnostics;
using OpenCvSharp;

namespace ProgressTracker.Imaging.Segmentation;

/// <summary>
/// The person model, loaded once per process. Without its file the imaging library keeps working on the backdrop
/// model alone: <see cref="Status"/> says why once, and every call returns null.
/// </summary>
internal static class PoseModel
{
    /// <summary>Below this person score the model sees no whole person (but see <see cref="SeesPerson"/>).</summary>
    public const double MinConfidence = 0.5;

    private static readonly Lazy<(PoseNetwork? Network, string Status)> Loaded =
        new(() => Open(PoseModelFile.Locate()), LazyThreadSafetyMode.ExecutionAndPublication);

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
        if (!SeesPerson(whole) || Around(whole.Probability) is not { } view) return Keep(whole);
        var close = network.Run(bgr, view);
        if (!SeesPerson(close))
        {
            close.Dispose();
            return Keep(whole);
        }
        whole.Dispose();
        return close;
    }

    /// <summary>
    /// The model's own person score is trained on whole bodies and drops to ~0.01 on a waist-to-knee crop whose mask
    /// and hip landmarks are still good; so two visible hips and a mask of plausible size also count as a person.
    /// </summary>
    private static bool SeesPerson(PersonMask mask)
    {
        if (mask.Pose.Confidence >= MinConfidence) return true;
        if (!mask.Pose.LeftHip.IsVisible || !mask.Pose.RightHip.IsVisible) return false;
        using var person = new Mat();
        Cv2.Threshold(mask.Probability, person, 0.5, 1, ThresholdTypes.Binary);
        var share = Cv2.Sum(person).Val0 / ((double)person.Width * person.Height);
        return share is >= 0.02 and <= 0.9;
    }

    private static PersonMask? Keep(PersonMask mask)
    {
        if (SeesPerson(mask)) return mask;
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

    /// <summary>Reads the model at a located path; a missing or unreadable file gives no network and the reason.</summary>
    internal static (PoseNetwork? Network, string Status) Open((string? Path, string Looked) located)
    {
        var (path, looked) = located;
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
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever the native reader throws (a damaged file, an OpenCV without the TFLite importer), the
                // library must still start and segment with the backdrop model.
                status = $"Person model {path} did not load ({e.Message}); silhouettes use the backdrop model alone.";
            }
        }
        Trace.TraceWarning(status); // said once: the result is kept for the process
        return (null, status);
    }
}
