using OpenCvSharp;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// Real photographs for pairs with known warps. No body photographs exist on the benchmark machine, so these are
/// whatever real photographs its installed software ships (found by searching the disk for JPEG/PNG over 100 kB
/// and keeping the photographs, not diagrams or screenshots). Others can be given with --real a.jpg,b.png.
/// </summary>
public static class AlignmentRealPhotos
{
    private static readonly string[] KnownCandidates =
    [
        // A photograph of a circuit board on a grey table (Rust embedded book, shipped with rustup's docs).
        "/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html/embedded-book/assets/f3.jpg",
        // A photograph of a pier, sea and clouds with a logo drawn over it (Jetty demo, in the Google Cloud SDK).
        "/usr/lib/google-cloud-sdk/platform/google_appengine/google/appengine/tools/java/jetty12/jetty-home/modules/demo.d/root/images/jetty-pic.png",
    ];

    public static IReadOnlyList<(string Name, Mat Image)> Load(string[] args)
    {
        var given = args.SkipWhile(a => a != "--real").Skip(1).FirstOrDefault();
        var paths = given is null ? KnownCandidates : given.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var found = new List<(string, Mat)>();
        foreach (var path in paths.Where(File.Exists))
        {
            var image = Cv2.ImRead(path, ImreadModes.Color);
            if (image.Empty()) image.Dispose();
            else found.Add((Path.GetFileName(path), image));
        }
        return found;
    }
}
