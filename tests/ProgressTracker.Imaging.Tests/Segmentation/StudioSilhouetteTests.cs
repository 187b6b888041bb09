using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;
using ProgressTracker.Imaging.Synthetic;
using Xunit.Abstractions;

namespace ProgressTracker.Imaging.Tests.Segmentation;

/// <summary>
/// Studio photos must segment exactly as before the person model existed: the backdrop model explains their border,
/// so the fused silhouette is the backdrop one. The person model's own outline of the same synthetic body is printed
/// for comparison (it is not used for these photos).
/// </summary>
public class StudioSilhouetteTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("front")]
    [InlineData("back")]
    [InlineData("left-lateral")]
    [InlineData("right-oblique")]
    public void A_studio_body_keeps_the_backdrop_silhouette(string view)
    {
        using var master = SyntheticBody.Render(new SyntheticBodyOptions(960, 1280, view, Seed: 5));
        using var fine = Reduce(master, WorkingImage.FineEdge);
        using var coarse = Reduce(fine, WorkingImage.CoarseEdge);

        using var fused = SilhouetteSegmenter.Segment(coarse, fine);
        using var backdropOnly = SilhouetteSegmenter.Backdrop(coarse);
        using var personOnly = SilhouetteSegmenter.Segment(coarse, fine, SilhouetteMethod.Person);

        output.WriteLine($"{view}: border share {fused.Backdrop.BorderShare:0.000}, IoU fused/backdrop {IoU(fused.Mask, backdropOnly.Mask):0.0000}, " +
                         $"person model alone/backdrop {IoU(personOnly.Mask, backdropOnly.Mask):0.000} (used: {personOnly.Person is not null})");
        Assert.True(fused.Backdrop.BorderShare >= SilhouetteSegmenter.TrustedBorderShare, $"border share {fused.Backdrop.BorderShare:0.000}");
        Assert.Null(fused.Person);
        Assert.Equal(1.0, IoU(fused.Mask, backdropOnly.Mask));
        using var softFused = fused.Soft(fine);
        using var softBackdrop = backdropOnly.Soft(fine);
        Assert.Equal(0, Cv2.Norm(softFused, softBackdrop, NormTypes.INF));
    }

    private static double IoU(Mat a, Mat b)
    {
        using var both = new Mat();
        using var either = new Mat();
        Cv2.BitwiseAnd(a, b, both);
        Cv2.BitwiseOr(a, b, either);
        return (double)Cv2.CountNonZero(both) / Math.Max(1, Cv2.CountNonZero(either));
    }

    private static Mat Reduce(Mat image, int longEdge)
    {
        var factor = (double)longEdge / Math.Max(image.Width, image.Height);
        var result = new Mat();
        Cv2.Resize(image, result, new Size(0, 0), factor, factor, InterpolationFlags.Area);
        return result;
    }
}
