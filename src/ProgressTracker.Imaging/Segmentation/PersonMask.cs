using OpenCvSharp;

namespace ProgressTracker.Imaging.Segmentation;

/// <summary>
/// The person's probability (CV_32FC1, 0..1) over the whole frame of the image it was estimated on, 0 outside the
/// model's view; with the pose found in the same pass.
/// </summary>
internal sealed class PersonMask(Mat probability, PersonPose pose) : IDisposable
{
    public Mat Probability { get; } = probability;
    public PersonPose Pose { get; } = pose;

    /// <summary>The probability at another size of the same frame (a pyramid level of the same photo).</summary>
    public Mat At(Size size)
    {
        var result = new Mat();
        if (size == Probability.Size()) Probability.CopyTo(result);
        else Cv2.Resize(Probability, result, size, 0, 0, size.Width < Probability.Width ? InterpolationFlags.Area : InterpolationFlags.Linear);
        return result;
    }

    public void Dispose() => Probability.Dispose();
}
