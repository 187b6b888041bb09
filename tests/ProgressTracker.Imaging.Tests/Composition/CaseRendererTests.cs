using System.Security.Cryptography;
using OpenCvSharp;
using ProgressTracker.Imaging.Composition;
using ProgressTracker.Imaging.Synthetic;
using static ProgressTracker.Imaging.Tests.Composition.CasePictures;
using static ProgressTracker.Imaging.Tests.Composition.ExportPictures;

namespace ProgressTracker.Imaging.Tests.Composition;

/// <summary>The case picture's layout and text, read back from the pixels where the layout says they are.</summary>
public sealed class CaseRendererTests
{
    private static readonly byte[] Body = SyntheticBody.RenderJpeg(new SyntheticBodyOptions(960, 1280, "front", 0.8, 9));

    /// <summary>Four quadrants of known colours: top-left 0, top-right 1, bottom-left 2, bottom-right 3.</summary>
    private static byte[] Quadrants(int width, int height)
    {
        using var image = new Mat(height, width, MatType.CV_8UC3);
        for (var q = 0; q < 4; q++)
        {
            using var part = new Mat(image, new Rect(q % 2 * width / 2, q / 2 * height / 2, width / 2, height / 2));
            part.SetTo(Colours[q]);
        }
        return Png(image);
    }

    [Fact]
    public void Same_request_gives_the_same_bytes_and_the_hash_is_of_those_bytes()
    {
        var first = CaseRenderer.Render(Request(Body, Body, blur: [new CaseBlurSpot(480, 560, 40)], watermark: "Example Clinic"));
        var again = CaseRenderer.Render(Request(Body, Body, blur: [new CaseBlurSpot(480, 560, 40)], watermark: "Example Clinic"));
        var otherConsent = CaseRenderer.Render(Request(Body, Body, blur: [new CaseBlurSpot(480, 560, 40)], watermark: "Example Clinic",
            provenance: Provenance with { ConsentIds = [Guid.Parse("99999999-2222-4333-8444-555555555555")] }));

        Assert.Equal(first.Jpeg, again.Jpeg);
        Assert.Equal(first.Sha256, again.Sha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(first.Jpeg)), first.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", first.Sha256);
        // Another consent changes only the metadata: another hash, the same pixels.
        Assert.NotEqual(first.Sha256, otherConsent.Sha256);
        using var a = Decode(first.Jpeg);
        using var b = Decode(otherConsent.Jpeg);
        Assert.Equal(0, DifferentPixels(a, b, new Rect(0, 0, a.Width, a.Height), 0));
        Assert.Equal((first.Width, first.Height), (a.Width, a.Height));
    }

    [Fact]
    public void Photos_sit_side_by_side_with_labels_under_them_on_the_stage()
    {
        var (rendered, layout) = CaseRenderer.RenderLaidOut(Request(Quadrants(960, 1280), Quadrants(960, 1280)), default);

        using var picture = Decode(rendered.Jpeg);
        var runs = Runs(picture, layout.Row.Photos[0].Y + 10);
        Assert.Equal([0, 1, 0, 1], runs.Select(r => r.Colour));
        for (var i = 0; i < 2; i++)
            Assert.InRange(runs[2 * i].Width + runs[2 * i + 1].Width, layout.Row.Photos[i].Width - 8, layout.Row.Photos[i].Width);
        Assert.Equal(0, ColourAt(picture, layout.Row.Photos[0].X + 5, layout.Row.Photos[0].Y + 5));
        Assert.True(layout.Row.Photos[0].Right < layout.Row.Photos[1].X, "photos overlap");
        foreach (var label in layout.Row.Labels) Assert.True(BrightPixels(picture, label) > 50, "a label is missing");
        var stage = picture.At<Vec3b>(2, 2);
        Assert.InRange(stage.Item0 + stage.Item1 + stage.Item2, 0x1f + 0x20 + 0x22 - 12, 0x1f + 0x20 + 0x22 + 12);
    }

    [Fact]
    public void Caption_and_case_code_are_drawn_in_their_places()
    {
        var (with, layout) = CaseRenderer.RenderLaidOut(Request(Body, Body, caption: ["Hip dip treatment · 3 sessions"]), default);
        var (without, bare) = CaseRenderer.RenderLaidOut(Request(Body, Body, caption: []), default);
        var (otherCode, _) = CaseRenderer.RenderLaidOut(Request(Body, Body, caption: ["Hip dip treatment · 3 sessions"],
            provenance: Provenance with { CaseCode = "C-AAAAAA" }), default);

        Assert.Equal(layout.Canvas, bare.Canvas); // a short caption shares its row with the code
        using var a = Decode(with.Jpeg);
        using var b = Decode(without.Jpeg);
        using var c = Decode(otherCode.Jpeg);
        var caption = layout.LineBoxes[0];
        Assert.True(BrightPixels(a, caption) > 200, "no caption drawn");
        Assert.Equal(0, BrightPixels(b, caption));
        Assert.True(BrightPixels(b, layout.Code) > 100, "no case code drawn");
        Assert.True(DifferentPixels(a, c, layout.Code) > 50, "another case code drew the same pixels");
        Assert.Equal(0, DifferentPixels(a, c, caption));
        Assert.True(layout.CodeSize >= 13, $"the case code is drawn at {layout.CodeSize:0.#} px");
        Assert.True(layout.Code.Y >= layout.Row.Labels[0].Bottom, "the code overlaps the labels");
    }

    [Fact]
    public void Long_caption_lines_wrap_within_the_picture_and_clear_of_the_code()
    {
        var words = string.Join(' ', Enumerable.Repeat("Three sessions of poly-L-lactic acid twelve weeks apart;", 3));
        var crop = new CaseCrop(200, 300, 560, 480);

        var (rendered, layout) = CaseRenderer.RenderLaidOut(Request(Body, Body, crop, caption: [words, "Individual results vary."]), default);

        Assert.True(layout.Lines.Count >= 3, $"{layout.Lines.Count} lines");
        Assert.Equal(words.Split(' ').Concat(["Individual", "results", "vary."]), layout.Lines.SelectMany(l => l.Split(' ')));
        var codeLeft = layout.Code.Right - TextPainter.Measure("Case C-7K3QX2", layout.CodeSize).TextWidth;
        for (var i = 0; i < layout.Lines.Count; i++)
        {
            var width = TextPainter.Measure(layout.Lines[i], layout.CaptionSize).TextWidth;
            Assert.True(layout.LineBoxes[i].X + width <= codeLeft, $"line {i + 1} runs into the code column");
            Assert.True(layout.LineBoxes[i].Bottom <= rendered.Height, $"line {i + 1} is off the picture");
        }
        using var picture = Decode(rendered.Jpeg);
        Assert.All(layout.LineBoxes, box => Assert.True(BrightPixels(picture, box) > 100, "a caption line is blank"));
    }

    [Theory]
    // crop, expected colour in the photo, expected photo width × height (small crops are enlarged to 480 px high)
    [InlineData(500, 700, 400, 300, 3, 640, 480)]
    [InlineData(-100, -100, 300, 300, 0, 480, 480)] // clipped to 200 × 200 at the top-left corner
    [InlineData(0, 0, 960, 1280, -2, 960, 1280)]
    public void Crop_is_clipped_and_applied_to_both_photos(int x, int y, int w, int h, int colour, int width, int height)
    {
        var (rendered, layout) = CaseRenderer.RenderLaidOut(
            Request(Quadrants(480, 640), Quadrants(960, 1280), new CaseCrop(x, y, w, h)), default);

        using var picture = Decode(rendered.Jpeg);
        foreach (var place in layout.Row.Photos)
        {
            Assert.InRange(place.Width, width - 2, width + 2);
            Assert.InRange(place.Height, height - 2, height + 2);
            var centre = ColourAt(picture, place.X + place.Width / 2 - 20, place.Y + place.Height / 2 - 20);
            if (colour >= 0) Assert.Equal(colour, centre);
            else Assert.Equal(0, centre); // whole photo: the top-left quadrant lies just above-left of the centre
        }
    }

    [Fact]
    public void Default_crop_from_the_hip_box_renders_the_hip_region()
    {
        var box = HipRegion.FindBox(Body);

        Assert.NotNull(box);
        var (rendered, layout) = CaseRenderer.RenderLaidOut(Request(Body, Body, box), default);
        var place = layout.Row.Photos[1];
        Assert.InRange(place.Width / (double)place.Height, box.Value.Width / (double)box.Value.Height - 0.02,
            box.Value.Width / (double)box.Value.Height + 0.02);
        Assert.True(rendered.Width < 2 * 960 + 100, $"{rendered.Width} px wide");
    }
}
