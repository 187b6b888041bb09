using OpenCvSharp;
using ProgressTracker.Imaging.Synthetic;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests;

public class SyntheticBodyTests
{
    private const int W = 300, H = 400;

    public static TheoryData<string> Views => new() { "front", "back", "left-lateral", "right-lateral", "left-oblique", "right-oblique" };

    [Theory]
    [MemberData(nameof(Views))]
    public void Every_view_renders_a_body_that_stands_out_from_the_backdrop(string view)
    {
        using var image = SyntheticBody.Render(new SyntheticBodyOptions(W, H, view));

        Assert.Equal((W, H, MatType.CV_8UC3), (image.Width, image.Height, image.Type()));
        var corner = Pixels.Rgb(image, 5, 5);
        Assert.True(IsBackdrop(corner), $"corner {corner} should be neutral backdrop");
        // Mid-torso on the vertical centre line is always skin: reddish, unlike the neutral grey backdrop.
        var torso = Pixels.Rgb(image, W / 2, (int)(H * 0.2));
        Assert.False(IsBackdrop(torso), $"torso {torso} looks like backdrop");
        Assert.True(torso.R - torso.B > 30, $"torso {torso} is not skin-coloured");
    }

    [Fact]
    public void Same_options_give_identical_pixels_and_another_seed_does_not()
    {
        var options = new SyntheticBodyOptions(W, H, "left-oblique", 0.7, Seed: 42, Caption: "2025-01-01");

        using var first = SyntheticBody.Render(options);
        using var second = SyntheticBody.Render(options);
        using var reseeded = SyntheticBody.Render(options with { Seed = 43 });

        Assert.Equal(0, Cv2.Norm(first, second, NormTypes.L1));
        Assert.NotEqual(0, Cv2.Norm(first, reseeded, NormTypes.L1));
        Assert.Equal(SyntheticBody.RenderJpeg(options), SyntheticBody.RenderJpeg(options));
    }

    [Fact]
    public void Deeper_hip_dip_narrows_the_outline_at_the_dip_in_front_view()
    {
        using var none = SyntheticBody.Render(new SyntheticBodyOptions(600, 800, "front", HipDipDepth: 0));
        using var deep = SyntheticBody.Render(new SyntheticBodyOptions(600, 800, "front", HipDipDepth: 1));

        var row = (int)(800 * 0.40);
        var narrowing = BodyWidth(none, row) - BodyWidth(deep, row);
        // Model: up to 2 × 0.022 × height of indentation (±4 % seed variation) = about 35 px at 800 px.
        Assert.InRange(narrowing, 25, 45);
        // Well away from the dip the outline does not change.
        Assert.InRange(Math.Abs(BodyWidth(none, (int)(800 * 0.15)) - BodyWidth(deep, (int)(800 * 0.15))), 0, 2);
    }

    [Theory]
    [InlineData("left-lateral", +1)]
    [InlineData("right-lateral", -1)]
    public void Lateral_views_put_the_buttock_behind_the_patient(string view, int buttockSide)
    {
        using var image = SyntheticBody.Render(new SyntheticBodyOptions(600, 800, view));
        var row = (int)(800 * 0.46); // fullest part of the seat
        var (left, right) = BodyExtent(image, row);
        var centre = 600 / 2.0;

        // The seat protrudes further behind than the belly does in front.
        var behind = buttockSide > 0 ? right - centre : centre - left;
        var front = buttockSide > 0 ? centre - left : right - centre;
        Assert.True(behind > front + 20, $"behind {behind:0}, front {front:0}");
    }

    [Fact]
    public void Caption_is_drawn_in_the_bottom_left_corner()
    {
        using var plain = SyntheticBody.Render(new SyntheticBodyOptions(W, H));
        using var captioned = SyntheticBody.Render(new SyntheticBodyOptions(W, H, Caption: "2025-03-14"));

        using var diff = new Mat();
        Cv2.Absdiff(plain, captioned, diff);
        var changed = Cv2.BoundingRect(diff.CvtColor(ColorConversionCodes.BGR2GRAY).Threshold(10, 255, ThresholdTypes.Binary));
        Assert.True(changed.Width > 0, "caption changed nothing");
        Assert.True(changed.Right < W / 2 && changed.Top > H * 3 / 4, $"caption at {changed}");
    }

    [Fact]
    public void Caption_outside_ascii_is_drawn_with_its_closest_ascii_spelling()
    {
        // OpenCV's Hershey fonts would otherwise draw "??" for each non-ASCII character.
        using var unicode = SyntheticBody.Render(new SyntheticBodyOptions(W, H, Caption: "Zoë · 2025-03-14"));
        using var ascii = SyntheticBody.Render(new SyntheticBodyOptions(W, H, Caption: "Zoe - 2025-03-14"));

        Assert.Equal(0, Cv2.Norm(unicode, ascii, NormTypes.L1));
    }

    [Fact]
    public void Unknown_view_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => SyntheticBody.Render(new SyntheticBodyOptions(View: "top")));
    }

    private static bool IsBackdrop((int R, int G, int B) p) => Math.Abs(p.R - p.B) < 15 && p.G > 120;

    private static (int Left, int Right) BodyExtent(Mat image, int row)
    {
        int left = -1, right = -1, width = image.Width;
        for (var x = 0; x < width; x++)
        {
            if (IsBackdrop(Pixels.Rgb(image, x, row))) continue;
            if (left < 0) left = x;
            right = x;
        }
        return (left, right);
    }

    private static int BodyWidth(Mat image, int row)
    {
        var (left, right) = BodyExtent(image, row);
        return right - left + 1;
    }
}
