using OpenCvSharp;
using ProgressTracker.Imaging.Composition;
using ProgressTracker.Imaging.Synthetic;
using static ProgressTracker.Imaging.Tests.Composition.ExportPictures;

namespace ProgressTracker.Imaging.Tests.Composition;

/// <summary>
/// Side-by-side and sequence JPEGs, read back by colour: each input is a flat colour, so where it landed, in which
/// order and at what size is known exactly.
/// </summary>
public sealed class CompositeRendererTests
{
    [Theory]
    // kind, photos, input width × height, expected photo height (never enlarged; shrunk to keep the row ≤ 8192 px)
    [InlineData(CompositionKind.SideBySide, 2, 960, 1280, 1280)]
    [InlineData(CompositionKind.SideBySide, 2, 1280, 960, 960)]
    [InlineData(CompositionKind.Sequence, 2, 960, 1280, 960)]
    [InlineData(CompositionKind.Sequence, 5, 960, 1280, 960)]
    [InlineData(CompositionKind.Sequence, 6, 300, 400, 400)]
    [InlineData(CompositionKind.Sequence, 24, 960, 1280, 0)]
    public void Panels_are_placed_in_order_at_one_height_with_their_aspect_ratio(
        CompositionKind kind, int count, int width, int height, int expectedHeight)
    {
        var images = Enumerable.Range(0, count).Select(i => Flat(width, height, i)).ToList();

        var export = ExportRenderer.Render(Request(kind, images));

        using var picture = Decode(export.Bytes);
        Assert.Equal((export.Width, export.Height), (picture.Width, picture.Height));
        Assert.Equal(("image/jpeg", "jpg", 1), (export.ContentType, export.Extension, export.Frames));
        Assert.True(picture.Width <= 8192, $"{picture.Width} px wide");
        var runs = Runs(picture, picture.Height / 2);
        Assert.Equal(Enumerable.Range(0, count).Select(i => i % Colours.Length), runs.Select(r => r.Colour));
        var rows = PhotoRows(picture, runs[0].X + runs[0].Width / 2);
        var photoHeight = rows.Bottom - rows.Top;
        if (expectedHeight > 0) Assert.InRange(photoHeight, expectedHeight - 2, expectedHeight + 2);
        else Assert.InRange(picture.Width, 7600, 8192); // 24 portrait photos shrunk to about fill, never exceed, 8192 px
        foreach (var run in runs)
            Assert.InRange(run.Width, photoHeight * width / height - 3, photoHeight * width / height + 3);
        Assert.True(runs.Zip(runs.Skip(1)).All(p => p.Second.X > p.First.X + p.First.Width), "panels overlap");
        foreach (var image in images) image.Dispose();
    }

    [Fact]
    public void Inputs_of_different_sizes_share_one_photo_height_and_keep_their_shapes()
    {
        (int W, int H)[] sizes = [(600, 800), (1200, 900), (400, 400), (90, 160)];
        var images = sizes.Select((s, i) => Flat(s.W, s.H, i)).ToList();

        using var picture = Decode(ExportRenderer.Render(Request(CompositionKind.Sequence, images)).Bytes);

        var runs = Runs(picture, picture.Height / 2);
        Assert.Equal([0, 1, 2, 3], runs.Select(r => r.Colour));
        var heights = runs.Select(r => PhotoRows(picture, r.X + r.Width / 2)).Select(r => r.Bottom - r.Top).ToList();
        Assert.True(heights.Max() - heights.Min() <= 2, string.Join(", ", heights));
        for (var i = 0; i < sizes.Length; i++)
            Assert.InRange(runs[i].Width, heights[i] * sizes[i].W / sizes[i].H - 3, heights[i] * sizes[i].W / sizes[i].H + 3);
        foreach (var image in images) image.Dispose();
    }

    [Fact]
    public void Labels_and_title_are_drawn_and_different_text_gives_different_pixels()
    {
        using var a = Flat(600, 800, 0);
        using var b = Flat(600, 800, 1);
        var first = ExportRenderer.Render(Request(CompositionKind.SideBySide, [a, b], labels: ["12 Mar 2026 · baseline", "10 Sep 2026 · week 26"]));
        var again = ExportRenderer.Render(Request(CompositionKind.SideBySide, [a, b], labels: ["12 Mar 2026 · baseline", "10 Sep 2026 · week 26"]));
        var other = ExportRenderer.Render(Request(CompositionKind.SideBySide, [a, b], labels: ["12 Mar 2026 · baseline", "18 Jun 2026 · week 14"]));

        Assert.Equal(first.Bytes, again.Bytes); // same input, same file
        using var p1 = Decode(first.Bytes);
        using var p2 = Decode(other.Bytes);
        var runs = Runs(p1, p1.Height / 2);
        var rows = PhotoRows(p1, runs[0].X + 5);
        var title = new Rect(0, 0, p1.Width, rows.Top);
        var labelBands = runs.Select(r => new Rect(r.X, rows.Bottom + 1, r.Width, p1.Height - rows.Bottom - 1)).ToList();

        Assert.True(BrightPixels(p1, title) > 50, "no title drawn");
        Assert.All(labelBands, band => Assert.True(BrightPixels(p1, band) > 50, "label band is uniform: no text"));
        Assert.Equal(0, DifferentPixels(p1, p2, labelBands[0]));
        Assert.True(DifferentPixels(p1, p2, labelBands[1]) > 30, "a different label drew the same pixels");
        Assert.Equal(0, DifferentPixels(p1, p2, new Rect(runs[1].X, rows.Top, runs[1].Width, rows.Bottom - rows.Top)));
    }

    [Fact]
    public void Watermark_is_drawn_in_a_corner_of_every_photo_only_when_asked()
    {
        using var a = Flat(600, 800, 0);
        using var b = Flat(600, 800, 1);
        using var plain = Decode(ExportRenderer.Render(Request(CompositionKind.SideBySide, [a, b])).Bytes);
        using var marked = Decode(ExportRenderer.Render(Request(CompositionKind.SideBySide, [a, b], watermark: "Example Clinic")).Bytes);
        Assert.Equal((plain.Width, plain.Height), (marked.Width, marked.Height));

        var y = PhotoRows(plain, Runs(plain, plain.Height / 2)[0].X + 5);
        foreach (var run in Runs(plain, plain.Height / 2))
        {
            var photo = new Rect(run.X, y.Top, run.Width, y.Bottom - y.Top);
            using var flat = new Mat(plain.Size(), MatType.CV_8UC3, Colours[run.Colour]);
            Assert.Equal(0, DifferentPixels(plain, flat, photo, 40)); // nothing drawn over the plain photo
            var corner = new Rect(photo.X + photo.Width / 2, photo.Y + photo.Height * 3 / 4, photo.Width / 2, photo.Height / 4);
            var rest = new Rect(photo.X, photo.Y, photo.Width, photo.Height * 3 / 4);
            Assert.True(DifferentPixels(plain, marked, corner) > 200, "no watermark in the corner");
            Assert.Equal(0, DifferentPixels(plain, marked, rest));
        }
    }

    [Fact]
    public void Crop_keeps_only_the_band_and_reduces_the_height()
    {
        // Four horizontal stripes; the band 0.25–0.75 is the second and third.
        using var striped = new Mat(1280, 960, MatType.CV_8UC3);
        for (var s = 0; s < 4; s++)
        {
            using var stripe = striped.RowRange(s * 320, (s + 1) * 320);
            stripe.SetTo(Colours[s]);
        }

        var whole = ExportRenderer.Render(Request(CompositionKind.SideBySide, [striped, striped]));
        var cropped = ExportRenderer.Render(Request(CompositionKind.SideBySide, [striped, striped], crop: new CropBand(0.25, 0.75)));

        using var picture = Decode(cropped.Bytes);
        Assert.True(cropped.Height < whole.Height - 500, $"{cropped.Height} vs {whole.Height}");
        var x = Runs(picture, picture.Height / 2)[0].X + 20;
        var column = Enumerable.Range(0, picture.Height).Select(y => ColourAt(picture, x, y)).Where(c => c >= 0).Distinct();
        Assert.Equal([1, 2], column);
        var rows = PhotoRows(picture, x);
        Assert.InRange(rows.Bottom - rows.Top, 638, 642);
    }

    [Fact]
    public void The_jpeg_carries_no_metadata()
    {
        using var a = SyntheticBody.Render(new SyntheticBodyOptions(300, 400, "front", 0.5, 2));
        var bytes = ExportRenderer.Render(Request(CompositionKind.SideBySide, [a, a], watermark: "Clinic")).Bytes;

        Assert.Equal([0xFF, 0xD8], bytes[..2]);
        var directories = MetadataExtractor.ImageMetadataReader.ReadMetadata(new MemoryStream(bytes));
        Assert.DoesNotContain(directories, d => d.Name.StartsWith("Exif", StringComparison.Ordinal) || d.Name is "XMP" or "ICC Profile" or "GPS");
    }
}
