using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;
using ProgressTracker.Imaging.Evaluation;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests.Alignment;

public class AlignedRendererTests
{
    [Theory]
    [InlineData(1200, 1600, 1280, 960, 1280)]
    [InlineData(3024, 4032, 320, 240, 320)]
    [InlineData(4032, 3024, 1280, 1280, 960)]
    [InlineData(600, 800, 1280, 600, 800)] // never enlarged, like the other derivatives
    public void Output_has_the_baselines_aspect_at_the_requested_long_edge(int baseWidth, int baseHeight, int longEdge, int width, int height)
    {
        using var photo = new Mat(900, 700, MatType.CV_8UC3, new Scalar(90, 140, 200));

        using var rendered = AlignedRenderer.Render(photo, [1, 0, 0, 0, 1, 0], new Size(baseWidth, baseHeight), longEdge);

        Assert.Equal((width, height, MatType.CV_8UC3), (rendered.Width, rendered.Height, rendered.Type()));
    }

    [Fact]
    public void Photo_lands_where_the_matrix_says_and_the_rest_is_dark_grey()
    {
        // A white square at (100..199, 100..199) in the photo; the matrix shifts by (+300, +500) and doubles the size.
        using var photo = new Mat(400, 400, MatType.CV_8UC3, new Scalar(0, 0, 255));
        using (var square = new Mat(photo, new Rect(100, 100, 100, 100))) square.SetTo(Scalar.All(255));
        double[] matrix = [2, 0, 300, 0, 2, 500];

        using var rendered = AlignedRenderer.Render(photo, matrix, new Size(1600, 2000), 1000); // output at half size

        // Square → baseline (500..699, 700..899) → output (250..349, 350..449).
        Pixels.AssertNear((255, 255, 255), Pixels.Rgb(rendered, 300, 400), 2, "inside the square");
        Pixels.AssertNear((255, 0, 0), Pixels.Rgb(rendered, 230, 450), 2, "beside the square, still photo");
        Pixels.AssertNear((255, 0, 0), Pixels.Rgb(rendered, 300, 470), 2, "below the square, still photo");
        // The photo covers baseline x 300..1099, y 500..1299 → output x 150..549, y 250..649.
        Pixels.AssertNear((32, 32, 32), Pixels.Rgb(rendered, 100, 450), 0, "left of the photo");
        Pixels.AssertNear((32, 32, 32), Pixels.Rgb(rendered, 350, 900), 0, "below the photo");
        Pixels.AssertNear((32, 32, 32), Pixels.Rgb(rendered, 0, 0), 0, "corner");
    }

    [Fact]
    public void Aligned_follow_up_matches_the_baseline_it_was_aligned_to()
    {
        // Zoomed out, so the photo (with its backdrop fill) covers the whole baseline canvas.
        using var pair = SyntheticPairs.Matched("left-lateral", 7, new WarpSpec(4, 0.85, 0.04, -0.03, Noise: 0), 480, 640);

        using var aligned = AlignedRenderer.Render(pair.Photo, pair.Truth!, pair.Baseline.Size(), 320);
        using var reference = new Mat();
        Cv2.Resize(pair.Baseline, reference, aligned.Size(), 0, 0, InterpolationFlags.Area);
        using var wrong = AlignedRenderer.Render(pair.Photo, [1, 0, 0, 0, 1, 0], pair.Baseline.Size(), 320);

        // Compare the torso (above the hip band, which the follow-up changed on purpose), away from the frame edge.
        var rows = new Rect(aligned.Width / 5, aligned.Height / 20, aligned.Width * 3 / 5, aligned.Height / 6);
        var alignedDifference = MeanDifference(aligned, reference, rows);
        var unalignedDifference = MeanDifference(wrong, reference, rows);
        Assert.InRange(alignedDifference, 0, 3);
        Assert.True(unalignedDifference > 4 * alignedDifference, $"unaligned {unalignedDifference:0.0} vs aligned {alignedDifference:0.0}");
    }

    [Fact]
    public void Bad_matrix_is_refused()
    {
        using var photo = new Mat(10, 10, MatType.CV_8UC3, Scalar.All(0));

        Assert.Throws<ArgumentException>(() => AlignedRenderer.Render(photo, [1, 0, 0], new Size(10, 10), 10));
        Assert.Throws<ArgumentException>(() => AlignedRenderer.Render(photo, [0, 0, 0, 0, 0, 0], new Size(10, 10), 10));
        Assert.Throws<ArgumentException>(() => AlignedRenderer.Render(photo, [double.NaN, 0, 0, 0, 1, 0], new Size(10, 10), 10));
    }

    private static double MeanDifference(Mat a, Mat b, Rect region)
    {
        using var diff = new Mat();
        using var left = new Mat(a, region);
        using var right = new Mat(b, region);
        Cv2.Absdiff(left, right, diff);
        var mean = Cv2.Mean(diff);
        return (mean.Val0 + mean.Val1 + mean.Val2) / 3;
    }
}
