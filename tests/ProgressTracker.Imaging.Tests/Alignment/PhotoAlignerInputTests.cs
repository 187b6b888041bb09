using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;
using ProgressTracker.Imaging.Synthetic;

namespace ProgressTracker.Imaging.Tests.Alignment;

public class PhotoAlignerInputTests
{
    [Fact]
    public void Same_photo_twice_aligns_to_the_identity()
    {
        using var photo = SyntheticBody.Render(new SyntheticBodyOptions(480, 640, "right-lateral", 0.6, 5));

        var result = PhotoAligner.Align(photo, photo);

        Assert.Equal(AlignmentVerdict.Aligned, result.Verdict);
        double[] identity = [1, 0, 0, 0, 1, 0];
        for (var i = 0; i < 6; i++) Assert.Equal(identity[i], result.Matrix[i], i % 3 == 2 ? 1 : 3);
    }

    [Fact]
    public void Photo_without_a_body_needs_review_instead_of_failing()
    {
        using var baseline = SyntheticBody.Render(new SyntheticBodyOptions(480, 640, "front", 0.6, 5));
        using var empty = new Mat(640, 480, MatType.CV_8UC3, new Scalar(200, 204, 206));

        var result = PhotoAligner.Align(baseline, empty);

        Assert.Equal(AlignmentVerdict.NeedsReview, result.Verdict);
        Assert.InRange(result.Score, 0, 0.49);
        Assert.NotNull(result.Reason);
    }

    [Fact]
    public void Wrong_pixel_format_is_refused_with_a_readable_message()
    {
        using var baseline = new Mat(64, 64, MatType.CV_8UC3, Scalar.All(128));
        using var grey = new Mat(64, 64, MatType.CV_8UC1, Scalar.All(128));
        using var tiny = new Mat(8, 8, MatType.CV_8UC3, Scalar.All(128));

        Assert.Contains("CV_8UC3", Assert.Throws<ArgumentException>(() => PhotoAligner.Align(baseline, grey)).Message);
        using var strip = new Mat(40, 4000, MatType.CV_8UC3, Scalar.All(128));
        Assert.Contains("too small", Assert.Throws<ArgumentException>(() => PhotoAligner.Align(tiny, baseline)).Message);
        Assert.Contains("too narrow", Assert.Throws<ArgumentException>(() => PhotoAligner.Align(baseline, strip)).Message);
        Assert.Throws<ArgumentNullException>(() => PhotoAligner.Align(null!, baseline));
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var photo = SyntheticBody.Render(new SyntheticBodyOptions(240, 320, "front", 0.6, 5));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => PhotoAligner.Align(photo, photo, cancelled.Token));
    }
}
