using ProgressTracker.Imaging;
using ProgressTracker.Imaging.Synthetic;

namespace ProgressTracker.Web.Tests.Support;

public static class TestImages
{
    /// <summary>A hip-profile-like JPEG; 4000×3000 is the 12-megapixel size phones produce.</summary>
    public static byte[] Jpeg(int width = 900, int height = 1200, int seed = 1, string view = "left-lateral") =>
        SyntheticBody.RenderJpeg(new SyntheticBodyOptions(Width: width, Height: height, View: view, Seed: seed));
}
