using ProgressTracker.Imaging;
using ProgressTracker.Imaging.Memory;

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
    /// Keeps large pixel buffers in the C heap between photos (<c>Imaging:NativeHeap</c>, <c>Keep</c> unless set to
    /// <c>System</c>), before any imaging runs: on virtual machines where touching fresh memory is slow, this more
    /// than halves the cost of a full-resolution photo (docs/decisions/0034-keep-pixel-buffers-in-the-heap.md). The
    /// trimmer gives the memory back once imaging is idle.
    /// </summary>
    public static void ConfigureNativeHeap(IConfiguration config, IServiceCollection services)
    {
        NativeHeap.Configure(config.GetValue("Imaging:NativeHeap", NativeHeapMode.Keep));
        services.AddHostedService<NativeHeapTrimmer>();
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
