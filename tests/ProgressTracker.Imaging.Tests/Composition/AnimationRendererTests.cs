using ImageMagick;
using OpenCvSharp;
using ProgressTracker.Imaging.Composition;
using static ProgressTracker.Imaging.Tests.Composition.ExportPictures;

namespace ProgressTracker.Imaging.Tests.Composition;

/// <summary>The animated GIF: one looping frame per visit, the given delay, one canvas of bounded size, labels per frame.</summary>
public sealed class AnimationRendererTests
{
    [Theory]
    // photos, input size, delay (1/100 s), long edge, expected frame long edge
    [InlineData(2, 960, 1280, 100, 720, 720)]
    [InlineData(5, 960, 1280, 50, 720, 720)]
    [InlineData(24, 600, 800, 80, 720, 720)]
    [InlineData(3, 200, 260, 100, 720, 0)] // small inputs are not enlarged to fill 720 px
    [InlineData(4, 1280, 960, 120, 480, 480)]
    public void Gif_has_one_frame_per_photo_with_the_delay_and_a_bounded_size(
        int count, int width, int height, int delay, int longEdge, int expectedLongEdge)
    {
        var images = Enumerable.Range(0, count).Select(i => Flat(width, height, i)).ToList();

        var export = ExportRenderer.Render(Request(CompositionKind.Animation, images), new AnimationOptions(delay, longEdge));

        Assert.Equal(("image/gif", "gif", count), (export.ContentType, export.Extension, export.Frames));
        Assert.Equal("GIF89a"u8.ToArray(), export.Bytes[..6]);
        using var gif = new MagickImageCollection(export.Bytes);
        Assert.Equal(count, gif.Count);
        Assert.All(gif, frame => Assert.Equal((uint)delay, frame.AnimationDelay));
        Assert.Equal(0u, gif[0].AnimationIterations);
        gif.Coalesce();
        Assert.All(gif, frame => Assert.Equal(((uint)export.Width, (uint)export.Height), (frame.Width, frame.Height)));
        var edge = Math.Max(export.Width, export.Height);
        if (expectedLongEdge > 0) Assert.InRange(edge, expectedLongEdge - 1, expectedLongEdge);
        else Assert.True(edge < 720, $"long edge {edge}");

        for (var i = 0; i < count; i++)
        {
            using var frame = ToMat(gif[i]);
            Assert.Equal(i % Colours.Length, ColourAt(frame, frame.Width / 2, frame.Height / 2));
        }
        foreach (var image in images) image.Dispose();
    }

    [Fact]
    public void Each_frame_has_its_own_label_and_the_watermark_only_when_asked()
    {
        using var a = Flat(600, 800, 0);
        using var b = Flat(900, 700, 1); // a different shape: still one canvas
        string[] labels = ["12 Mar 2026 · baseline", "10 Sep 2026 · week 26"];
        using var plain = new MagickImageCollection(ExportRenderer.Render(Request(CompositionKind.Animation, [a, b], labels: labels)).Bytes);
        using var marked = new MagickImageCollection(ExportRenderer.Render(Request(CompositionKind.Animation, [a, b], "Example Clinic", labels)).Bytes);
        plain.Coalesce();
        marked.Coalesce();

        using var first = ToMat(plain[0]);
        using var second = ToMat(plain[1]);
        using var firstMarked = ToMat(marked[0]);
        Assert.Equal(first.Size(), second.Size());
        var photo = PhotoRows(first, first.Width / 2);
        var labelBand = new Rect(0, photo.Bottom + 1, first.Width, first.Height - photo.Bottom - 1);
        var title = new Rect(0, 0, first.Width, photo.Top);
        Assert.True(BrightPixels(first, labelBand) > 50, "no label drawn");
        Assert.True(BrightPixels(first, title) > 50, "no title drawn");
        Assert.True(DifferentPixels(first, second, labelBand) > 30, "both frames carry the same label");
        Assert.Equal(0, DifferentPixels(first, second, title));

        var corner = new Rect(first.Width / 2, photo.Top + (photo.Bottom - photo.Top) * 3 / 4, first.Width / 2 - 20, (photo.Bottom - photo.Top) / 4);
        Assert.True(DifferentPixels(first, firstMarked, corner) > 100, "no watermark");
        Assert.Equal(0, DifferentPixels(first, firstMarked, new Rect(0, photo.Top, first.Width, (photo.Bottom - photo.Top) / 2)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1001)]
    public void An_implausible_delay_is_refused(int delay)
    {
        using var a = Flat(60, 80, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ExportRenderer.Render(Request(CompositionKind.Animation, [a, a]), new AnimationOptions(delay)));
    }

    private static Mat ToMat(IMagickImage<byte> frame)
    {
        var bgr = frame.ToByteArray(MagickFormat.Bgr);
        var mat = new Mat((int)frame.Height, (int)frame.Width, MatType.CV_8UC3);
        System.Runtime.InteropServices.Marshal.Copy(bgr, 0, mat.Data, bgr.Length);
        return mat;
    }
}
