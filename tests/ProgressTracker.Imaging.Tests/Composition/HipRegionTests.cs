using OpenCvSharp;
using ProgressTracker.Imaging.Composition;
using ProgressTracker.Imaging.Synthetic;

namespace ProgressTracker.Imaging.Tests.Composition;

/// <summary>
/// The crop to the hip region. In the synthetic body the dip is centred at 40 % of the frame height (±10 %), the waist
/// at 16 % and the thighs below 70 %: the band must hold the dip with some context and leave out head-to-toe framing.
/// </summary>
public sealed class HipRegionTests
{
    [Theory]
    [InlineData("front")]
    [InlineData("back")]
    [InlineData("left-lateral")]
    [InlineData("right-lateral")]
    [InlineData("left-oblique")]
    [InlineData("right-oblique")]
    public void Band_holds_the_hip_dip_and_is_much_shorter_than_the_photo(string view)
    {
        using var image = SyntheticBody.Render(new SyntheticBodyOptions(960, 1280, view, 0.8, 9));

        var band = HipRegion.Find(image);

        Assert.NotNull(band);
        Assert.InRange(band!.Value.Top, 0.05, 0.30);
        Assert.InRange(band.Value.Bottom, 0.50, 0.80);
        Assert.True(band.Value.Bottom - band.Value.Top < 0.65, $"band {band} is hardly a crop");
    }

    [Fact]
    public void Photos_of_one_body_at_two_sizes_get_the_same_band()
    {
        using var large = SyntheticBody.Render(new SyntheticBodyOptions(960, 1280, "left-lateral", 0.6, 4));
        using var small = new Mat();
        Cv2.Resize(large, small, new Size(240, 320), 0, 0, InterpolationFlags.Area);

        var a = HipRegion.Find(large)!.Value;
        var b = HipRegion.Find(small)!.Value;

        Assert.InRange(Math.Abs(a.Top - b.Top), 0, 0.02);
        Assert.InRange(Math.Abs(a.Bottom - b.Bottom), 0, 0.02);
    }

    [Fact]
    public void A_shape_without_waist_and_hips_has_no_band()
    {
        using var image = new Mat(640, 480, MatType.CV_8UC3, new Scalar(205, 208, 210));
        Cv2.Rectangle(image, new Rect(180, 0, 120, 640), new Scalar(120, 150, 210), -1);

        Assert.Null(HipRegion.Find(image));
    }

    [Theory]
    [InlineData("front")]
    [InlineData("back")]
    [InlineData("left-lateral")]
    [InlineData("right-oblique")]
    public void Box_holds_the_hips_and_leaves_out_chest_and_knees(string view)
    {
        using var image = SyntheticBody.Render(new SyntheticBodyOptions(960, 1280, view, 0.8, 9));
        var band = HipRegion.Find(image)!.Value;

        var box = HipRegion.FindBox(image);

        Assert.NotNull(box);
        var (top, bottom) = band.Rows(image.Height);
        Assert.Equal((top, bottom - top), (box.Value.Y, box.Value.Height)); // the rows are the band's
        var (left, right) = BodyColumns(image, (top + bottom) / 2);
        Assert.True(box.Value.X <= left - 10 && box.Value.X + box.Value.Width >= right + 10,
            $"box {box} does not hold the body ({left}–{right}) with a margin at mid-band");
        Assert.InRange(box.Value.Width, 1.05 * (right - left), 1.6 * (right - left) + 20);
        Assert.True(box.Value.Y > 0.05 * image.Height && box.Value.Y + box.Value.Height < 0.85 * image.Height, $"box {box}");
    }

    [Fact]
    public void Box_is_scaled_to_the_photos_own_pixels()
    {
        using var large = SyntheticBody.Render(new SyntheticBodyOptions(960, 1280, "front", 0.6, 4));
        using var small = new Mat();
        Cv2.Resize(large, small, new Size(480, 640), 0, 0, InterpolationFlags.Area);

        var a = HipRegion.FindBox(large)!.Value;
        var b = HipRegion.FindBox(small)!.Value;

        Assert.InRange(Math.Abs(a.X - 2 * b.X), 0, 12);
        Assert.InRange(Math.Abs(a.Width - 2 * b.Width), 0, 16);
        Assert.InRange(Math.Abs(a.Y - 2 * b.Y), 0, 16);
    }

    [Fact]
    public void A_shape_without_waist_and_hips_has_no_box()
    {
        using var image = new Mat(640, 480, MatType.CV_8UC3, new Scalar(205, 208, 210));
        Cv2.Rectangle(image, new Rect(180, 0, 120, 640), new Scalar(120, 150, 210), -1);

        Assert.Null(HipRegion.FindBox(CasePictures.Png(image)));
    }

    /// <summary>
    /// Real photos (CC0, clothed people in a room) are not what the rule is made for: the segmenter takes parts of the
    /// room for the body. What must hold is that whatever comes back is a usable crop inside the photo.
    /// </summary>
    [Theory]
    [InlineData("tada1.jpg")]
    [InlineData("tada3.jpg")]
    [InlineData("test_a.jpg")]
    public void Real_photos_give_no_box_or_a_usable_crop_inside_the_photo(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine("/work/shared/fixtures/real-people", file));
        using var image = Cv2.ImDecode(bytes, ImreadModes.Color);

        var box = HipRegion.FindBox(bytes);

        if (box is not { } b) return;
        Assert.Equal(b, CaseRules.ClipCrop(b, image.Width, image.Height).Clipped);
        Assert.True(b.Y > 0 && b.Y + b.Height < image.Height, $"box {b} keeps the whole height");
    }

    /// <summary>First and last column of the skin-coloured body in a synthetic photo's row (the backdrop is neutral grey).</summary>
    private static (int Left, int Right) BodyColumns(Mat image, int row)
    {
        int left = -1, right = -1, width = image.Width;
        for (var x = 0; x < width; x++)
        {
            var p = image.At<Vec3b>(row, x);
            var neutral = Math.Abs(p.Item2 - p.Item0) < 12 && p.Item0 > 120;
            if (neutral) continue;
            if (left < 0) left = x;
            right = x;
        }
        return (left, right);
    }
}
