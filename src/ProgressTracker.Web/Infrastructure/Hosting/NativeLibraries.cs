using ProgressTracker.Imaging;

namespace ProgressTracker.Web.Infrastructure.Hosting;

public static class NativeLibraries
{
    /// <summary>
    /// Fails at start-up with instructions instead of at the first photo: OpenCV's Linux runtime needs GTK 3.
    /// </summary>
    public static void EnsureImagingRuntime()
    {
        try
        {
            _ = ImagingRuntime.Load();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            throw new InvalidOperationException(
                "The OpenCV imaging runtime could not be loaded. On Debian/Ubuntu install its system library with " +
                "`sudo apt-get install libgtk-3-0` (Ubuntu 24.04: libgtk-3-0t64), or run ./run.sh, which does it.", e);
        }
    }

    /// <summary>
    /// Says once, at start-up, whether silhouettes can use the person model (photos taken in an ordinary room need
    /// it); without it the app still runs, on the backdrop model alone.
    /// </summary>
    public static void ReportPersonModel(ILogger logger)
    {
        var (available, message) = ImagingRuntime.PersonModel();
        if (available) logger.LogInformation("{PersonModel}", message);
        else logger.LogWarning("{PersonModel} Photos against a plain backdrop are unaffected.", message);
    }
}
