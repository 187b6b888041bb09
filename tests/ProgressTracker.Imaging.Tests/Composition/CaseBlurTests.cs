using OpenCvSharp;
using ProgressTracker.Imaging.Composition;
using static ProgressTracker.Imaging.Tests.Composition.CasePictures;

namespace ProgressTracker.Imaging.Tests.Composition;

/// <summary>
/// The blur brush, measured against a render of the same photos without it: a checkerboard "tattoo" (the most
/// detail a patch can hold) must lose nearly all its variance inside the spot, and nothing may change away from it.
/// </summary>
public sealed class CaseBlurTests
{
    [Fact]
    public void Blur_hides_the_tattoo_in_both_photos_and_leaves_the_rest_alone()
    {
        using var photo = Tattooed(new Point(480, 560));
        var png = Png(photo);
        var spot = new CaseBlurSpot(480, 560, 60);

        var (plain, _) = CaseRenderer.RenderLaidOut(Request(png, png), default);
        var (blurred, layout) = CaseRenderer.RenderLaidOut(Request(png, png, blur: [spot]), default);

        using var a = ExportPictures.Decode(plain.Jpeg);
        using var b = ExportPictures.Decode(blurred.Jpeg);
        foreach (var place in layout.Row.Photos)
        {
            var scale = place.Height / 1280.0;
            var centre = new Point2d(place.X + spot.X * scale, place.Y + spot.Y * scale);
            var before = GreyVariance(a, centre, 46 * scale);
            var after = GreyVariance(b, centre, 46 * scale);
            Assert.True(before > 3000, $"the tattoo is not in the unblurred render (variance {before:0})");
            Assert.True(after < 0.05 * before, $"variance inside the spot only fell from {before:0} to {after:0}");

            // Beyond the soft edge (radius + 20 %) and the JPEG blocks it touches (16 px), the pixels are the same.
            var reach = (spot.Radius + BlurBrush.FeatherFor(spot.Radius) + 16) * scale;
            Assert.Equal(0, DifferentOutside(a, b, place, centre, reach, tolerance: 2));
            // The same check, masking only the spot's middle, does see the blurred ring: it is not blind.
            Assert.True(DifferentOutside(a, b, place, centre, spot.Radius * 0.5 * scale, tolerance: 24) > 500);
        }
    }

    [Fact]
    public void A_before_photo_of_another_size_gets_the_spot_scaled()
    {
        using var after = Tattooed(new Point(480, 560));
        using var before = Tattooed(new Point(240, 280), 480, 640);
        var spot = new CaseBlurSpot(480, 560, 60);

        var (plain, _) = CaseRenderer.RenderLaidOut(Request(Png(before), Png(after)), default);
        var (blurred, layout) = CaseRenderer.RenderLaidOut(Request(Png(before), Png(after), blur: [spot]), default);

        using var a = ExportPictures.Decode(plain.Jpeg);
        using var b = ExportPictures.Decode(blurred.Jpeg);
        var place = layout.Row.Photos[0];
        var scale = place.Height / 640.0;
        var centre = new Point2d(place.X + 240 * scale, place.Y + 280 * scale);
        var reference = GreyVariance(a, centre, 22 * scale);
        Assert.True(reference > 2000, $"the before photo's tattoo is not where expected (variance {reference:0})");
        Assert.True(GreyVariance(b, centre, 22 * scale) < 0.05 * reference, "the before photo's tattoo was not hidden");
    }

    [Fact]
    public void A_spot_partly_outside_the_photo_is_clipped_and_hides_what_is_inside()
    {
        using var photo = Tattooed(new Point(20, 560));
        var png = Png(photo);
        var spot = new CaseBlurSpot(10, 560, 70);

        var (plain, _) = CaseRenderer.RenderLaidOut(Request(png, png), default);
        var (blurred, layout) = CaseRenderer.RenderLaidOut(Request(png, png, blur: [spot]), default);

        using var a = ExportPictures.Decode(plain.Jpeg);
        using var b = ExportPictures.Decode(blurred.Jpeg);
        var place = layout.Row.Photos[1];
        using var pa = new Mat(a, place);
        using var pb = new Mat(b, place);
        var centre = new Point2d(20, 560);
        var reference = GreyVariance(pa, centre, 40);
        Assert.True(reference > 3000, $"the tattoo at the edge is missing (variance {reference:0})");
        Assert.True(GreyVariance(pb, centre, 40) < 0.05 * reference, "the tattoo at the photo's edge was not hidden");
    }

    [Theory]
    [InlineData(4, 6)]
    [InlineData(24, 6)]
    [InlineData(40, 10)]
    [InlineData(400, 100)]
    public void Mosaic_cells_are_a_quarter_of_the_radius_and_at_least_6_px(double radius, int cell) =>
        Assert.Equal(cell, BlurBrush.CellFor(radius));

    [Fact]
    public void Blur_is_applied_before_the_crop_in_the_after_photos_coordinates()
    {
        using var photo = Tattooed(new Point(480, 560));
        var png = Png(photo);
        var crop = new CaseCrop(300, 400, 400, 320);
        var spot = new CaseBlurSpot(480, 560, 60);

        var (plain, _) = CaseRenderer.RenderLaidOut(Request(png, png, crop), default);
        var (blurred, layout) = CaseRenderer.RenderLaidOut(Request(png, png, crop, [spot]), default);

        using var a = ExportPictures.Decode(plain.Jpeg);
        using var b = ExportPictures.Decode(blurred.Jpeg);
        var place = layout.Row.Photos[1];
        var scale = place.Height / (double)crop.Height;
        var centre = new Point2d(place.X + (spot.X - crop.X) * scale, place.Y + (spot.Y - crop.Y) * scale);
        var reference = GreyVariance(a, centre, 46 * scale);
        Assert.True(reference > 3000, $"the tattoo is not at the cropped position (variance {reference:0})");
        Assert.True(GreyVariance(b, centre, 46 * scale) < 0.05 * reference);
    }
}
