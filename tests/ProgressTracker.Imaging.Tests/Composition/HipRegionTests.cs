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
}
