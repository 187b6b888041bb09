using System.Diagnostics;
using ImageMagick;
using OpenCvSharp;

namespace ProgressTracker.Imaging.Tests;

/// <summary>
/// The per-job time limit cancels the token; decoding must then stop promptly — ImageMagick in the middle of a
/// decode, not after it — and end as an <see cref="OperationCanceledException"/>, never as a "corrupt file".
/// </summary>
public class CancellationTests
{
    private static readonly ImageLimits Defaults = new();

    /// <summary>A 48-megapixel PNG: ImageMagick needs the better part of a second or more for it.</summary>
    private static readonly Lazy<byte[]> LargePng = new(() => Encode(8000, 6000, ".png", noise: 0));

    private static readonly Lazy<byte[]> LargeJpeg = new(() => Encode(4032, 3024, ".jpg", noise: 6, new ImageEncodingParam(ImwriteFlags.JpegQuality, 92)));

    [Fact]
    public void Imagemagick_decode_stops_mid_way_when_cancelled()
    {
        var png = LargePng.Value;
        var uncancelled = Stopwatch.StartNew();
        using (PhotoNormalizer.Normalize(png, Defaults)) { }
        uncancelled.Stop();

        using var cancel = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        CancelAfter(cancel, 10);
        var error = Record.Exception(() => PhotoNormalizer.Normalize(png, Defaults, cancel.Token).Dispose());
        clock.Stop();

        Assert.IsType<OperationCanceledException>(error);
        Assert.True(clock.Elapsed < uncancelled.Elapsed / 2,
            $"cancelled after {clock.ElapsedMilliseconds} ms; a full decode takes {uncancelled.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Jpeg_decode_ends_cancelled_when_the_token_fires_during_it()
    {
        var jpeg = LargeJpeg.Value;
        using var cancel = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        CancelAfter(cancel, 10);

        var error = Record.Exception(() => PhotoNormalizer.Normalize(jpeg, Defaults, cancel.Token).Dispose());

        Assert.IsType<OperationCanceledException>(error);
        Assert.True(clock.ElapsedMilliseconds < 1000, $"cancelled after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Cancellation_is_reported_as_such_even_when_imagemagick_fails_because_of_it()
    {
        // Every stage that checks the token: a cancelled token never comes back as a PhotoDecodeException.
        var png = LargePng.Value;
        foreach (var after in new[] { 1, 30, 120 })
        {
            using var cancel = new CancellationTokenSource();
            CancelAfter(cancel, after);
            var error = Record.Exception(() => PhotoNormalizer.Normalize(png, Defaults, cancel.Token).Dispose());
            Assert.True(error is OperationCanceledException, $"after {after} ms: {error?.GetType().Name ?? "no exception"}");
        }
    }

    [Fact]
    public void Rendering_checks_the_token_between_derivatives()
    {
        using var pixels = new Mat(3024, 4032, MatType.CV_8UC3, new Scalar(40, 120, 200));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DerivativeRenderer.RenderAll(pixels, cancelled.Token));
    }

    /// <summary>
    /// Cancels from a thread of its own: a timer-based CancelAfter fires on the thread pool, which other tests
    /// running alongside may keep busy for far longer than the delay. The thread waits on the token's own handle,
    /// which nothing else sets, so the wait always runs out after the delay.
    /// </summary>
    private static void CancelAfter(CancellationTokenSource source, int milliseconds) =>
        new Thread(() =>
        {
            source.Token.WaitHandle.WaitOne(milliseconds);
            source.Cancel();
        }) { IsBackground = true }.Start();

    /// <summary>A smooth colour gradient with optional sensor-like noise.</summary>
    private static byte[] Encode(int width, int height, string extension, int noise, params ImageEncodingParam[] parameters)
    {
        using var corners = new Mat(2, 2, MatType.CV_8UC3);
        corners.Set(0, 0, new Vec3b(30, 90, 200));
        corners.Set(0, 1, new Vec3b(200, 90, 30));
        corners.Set(1, 0, new Vec3b(90, 200, 30));
        corners.Set(1, 1, new Vec3b(60, 60, 60));
        using var image = new Mat();
        Cv2.Resize(corners, image, new Size(width, height), 0, 0, InterpolationFlags.Linear);
        if (noise > 0)
        {
            using var grain = new Mat(image.Size(), MatType.CV_8UC3);
            Cv2.Randn(grain, Scalar.All(128), Scalar.All(noise));
            Cv2.AddWeighted(image, 1, grain, 1, -128, image);
        }
        return image.ImEncode(extension, parameters);
    }
}
