using OpenCvSharp;

namespace ProgressTracker.Imaging;

/// <summary>The native imaging runtime, so a host can check at start-up that it loads.</summary>
public static class ImagingRuntime
{
    /// <summary>Loads OpenCV's native library and returns its version.</summary>
    /// <exception cref="DllNotFoundException">The library or one it links against (GTK 3 on Linux) is missing.</exception>
    /// <exception cref="TypeInitializationException">The library failed to load.</exception>
    public static string Load() => Cv2.GetVersionString() ?? "";

    /// <summary>
    /// Loads the person model (once per process) and says whether silhouettes can use it. Never throws: without
    /// the model, silhouettes fall back to the backdrop model alone, and the message says why.
    /// </summary>
    public static (bool Available, string Message) PersonModel() =>
        (Segmentation.PoseModel.IsAvailable, Segmentation.PoseModel.Status);
}
