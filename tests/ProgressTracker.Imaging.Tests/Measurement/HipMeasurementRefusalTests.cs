using ProgressTracker.Imaging.Alignment;
using ProgressTracker.Imaging.Evaluation.Measurement;
using ProgressTracker.Imaging.Measurement;
using ProgressTracker.Imaging.Synthetic;
using ProgressTracker.Imaging.Tests.Support;
using OpenCvSharp;

namespace ProgressTracker.Imaging.Tests.Measurement;

/// <summary>Never confidently wrong: every kind of spoiled photo is refused with the reason a clinician can act on.</summary>
public sealed class HipMeasurementRefusalTests
{
    public static TheoryData<string> Faults()
    {
        var data = new TheoryData<string>();
        foreach (var c in HipCases.Faulty(perFault: 2)) data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public void A_spoiled_photo_is_not_measurable_and_says_why(string name)
    {
        var c = HipCases.Faulty(perFault: 2).Single(f => f.Name == name);
        var (photo, _) = c.Render();
        using (photo)
        {
            // A photo in another pose is judged against its baseline by the aligner.
            var alignment = c.AlignmentOf(photo);
            var m = HipMeasurer.Measure(photo, new MeasurementContext("front", Alignment: alignment), CancellationToken.None);

            Assert.Equal(MeasurementStatus.NotMeasurable, m.Status);
            Assert.True(m.Confidence < HipMeasurer.ConfidenceThreshold);
            Assert.Contains(m.Reason, c.ExpectedReasons);
            Assert.Null(m.Left);
            Assert.Null(m.Right);
        }
    }

    public static TheoryData<string> RealPeople() => new() { "t5.jpg", "tada1.jpg", "tada3.jpg", "test_a.jpg", "y1.jpg" };

    [Theory]
    [MemberData(nameof(RealPeople))]
    public void Real_clothed_people_never_get_a_confident_hip_dip_number(string file)
    {
        using var image = Cv2.ImRead(SharedFixtures.RealPeople(file));
        // Whole photos in every measured view, and the band from the waist to the knees as a hip photo is framed.
        using var band = image[new Rect(0, (int)(0.4 * image.Height), image.Width, (int)(0.45 * image.Height))].Clone();
        foreach (var (picture, view) in new[] { (image, "front"), (image, "back"), (image, "left-lateral"), (band, "front") })
        {
            var m = HipMeasurer.Measure(picture, new MeasurementContext(view), CancellationToken.None);
            Assert.True(m.Status == MeasurementStatus.NotMeasurable, $"{file} ({view}) got a confident number: {m.Left?.DepthPct} / {m.Right?.DepthPct}");
            Assert.False(string.IsNullOrWhiteSpace(m.Reason));
        }
    }

    [Theory]
    [InlineData("left-oblique")]
    [InlineData("sideways")]
    public void Views_the_method_does_not_measure_are_refused_with_a_reason(string view)
    {
        using var photo = SyntheticBody.Render(new SyntheticBodyOptions(600, 800, "front", 1.0, 3));
        var m = HipMeasurer.Measure(photo, new MeasurementContext(view), CancellationToken.None);
        Assert.Equal(MeasurementStatus.NotMeasurable, m.Status);
        Assert.Contains(m.Reason, new[] { MeasurementReasons.ObliqueView, MeasurementReasons.UnknownView });
    }

    [Fact]
    public void A_follow_up_whose_alignment_awaits_review_is_not_measured()
    {
        using var photo = SyntheticBody.Render(new SyntheticBodyOptions(600, 800, "front", 1.0, 3));
        var m = HipMeasurer.Measure(photo, new MeasurementContext("front", Alignment: new AlignmentToBaseline(false, 0.9, "outlines differ")),
            CancellationToken.None);
        Assert.Equal(MeasurementReasons.PoseDiffers, m.Reason);
    }

    [Fact]
    public void An_unreadable_master_is_a_clear_argument_error()
    {
        var e = Assert.Throws<ArgumentException>(() => HipMeasurer.Measure([1, 2, 3], new MeasurementContext("front")));
        Assert.Contains("could not be decoded", e.Message);
    }
}
