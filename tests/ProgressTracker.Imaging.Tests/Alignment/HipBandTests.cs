using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;
using ProgressTracker.Imaging.Synthetic;

namespace ProgressTracker.Imaging.Tests.Alignment;

/// <summary>
/// The band that treatment changes is found from the silhouette's width profile and left out of the fit. In the
/// synthetic body the dip is centred at 40 % of the frame height (±10 %); the waist (16 %) and the thighs (≥ 70 %)
/// must stay in.
/// </summary>
public class HipBandTests
{
    [Theory]
    [InlineData("front")]
    [InlineData("back")]
    [InlineData("left-lateral")]
    [InlineData("right-lateral")]
    [InlineData("left-oblique")]
    [InlineData("right-oblique")]
    public void Band_covers_the_hip_dip_and_spares_waist_and_thighs(string view)
    {
        using var image = SyntheticBody.Render(new SyntheticBodyOptions(480, 640, view, 0.8, 9));
        using var working = WorkingImage.Create(image);

        var band = WidthProfile.Measure(working.Mask).FindHipBand();

        Assert.NotNull(band);
        Assert.InRange(band!.Value.Top, 0.18, 0.32);
        Assert.InRange(band.Value.Bottom, 0.48, 0.70);
    }

    [Fact]
    public void A_shape_without_waist_and_hips_has_no_band()
    {
        using var image = new Mat(640, 480, MatType.CV_8UC3, new Scalar(205, 208, 210));
        Cv2.Rectangle(image, new Rect(180, 0, 120, 640), new Scalar(120, 150, 210), -1);
        using var working = WorkingImage.Create(image);

        Assert.Null(WidthProfile.Measure(working.Mask).FindHipBand());
    }
}
