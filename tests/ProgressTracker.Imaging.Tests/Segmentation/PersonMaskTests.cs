using System.Diagnostics;
using OpenCvSharp;
using ProgressTracker.Imaging.Segmentation;
using ProgressTracker.Imaging.Tests.Support;
using Xunit.Abstractions;

namespace ProgressTracker.Imaging.Tests.Segmentation;

/// <summary>
/// The person model on real photos of a man in a furnished room (CC0). Expectations are hand-checked: a point on
/// the torso, a box around the whole person with arms, and the room's top corners.
/// </summary>
public class PersonMaskTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("test_a.jpg", 480, 260, 360, 40, 240, 560)]
    [InlineData("t5.jpg", 555, 220, 290, 10, 540, 600)]
    [InlineData("y1.jpg", 565, 250, 330, 60, 470, 540)]
    public void Covers_the_person_and_not_the_room(string file, int torsoX, int torsoY, int x, int y, int w, int h)
    {
        Assert.True(PoseModel.IsAvailable, PoseModel.Status);
        using var image = Cv2.ImRead(SharedFixtures.RealPeople(file), ImreadModes.Color);
        var clock = Stopwatch.StartNew();
        using var person = PoseModel.Segment(image);
        output.WriteLine($"{file}: {clock.Elapsed.TotalMilliseconds:0} ms (two passes), confidence {person?.Pose.Confidence:0.000}");

        Assert.NotNull(person);
        var p = person.Probability;
        Assert.Equal(image.Size(), p.Size());
        Assert.True(p.At<float>(torsoY, torsoX) > 0.5, $"torso centre {p.At<float>(torsoY, torsoX):0.00}");
        foreach (var (cx, cy) in new[] { (20, 20), (image.Width - 21, 20), (20, image.Height / 2), (image.Width - 21, image.Height / 2) })
            Assert.True(p.At<float>(cy, cx) < 0.5, $"room at ({cx}, {cy}) is {p.At<float>(cy, cx):0.00}");

        using var mask = new Mat();
        Cv2.Threshold(p, mask, 0.5, 255, ThresholdTypes.Binary);
        mask.ConvertTo(mask, MatType.CV_8UC1);
        var all = Cv2.CountNonZero(mask);
        using var inBox = new Mat(mask, new Rect(x, y, w, h));
        var inside = Cv2.CountNonZero(inBox);
        output.WriteLine($"{file}: mask {all} px, {100.0 * inside / all:0.0} % inside the person's box, {100.0 * all / (w * h):0.0} % of the box");
        Assert.True(inside >= 0.97 * all, $"{all - inside} of {all} mask pixels outside the person's box");
        Assert.InRange((double)all / (w * h), 0.08, 0.6); // a person with outstretched arms fills part of the box, never all
    }

    [Fact]
    public void Landmarks_are_in_image_pixels_and_in_anatomical_order()
    {
        using var image = Cv2.ImRead(SharedFixtures.RealPeople("test_a.jpg"), ImreadModes.Color);

        var pose = PoseModel.Estimate(image);

        Assert.NotNull(pose);
        PoseLandmark[] body = [pose.LeftHip, pose.RightHip, pose.LeftKnee, pose.RightKnee, pose.LeftShoulder, pose.RightShoulder];
        Assert.All(body, l => Assert.True(l.IsVisible, $"{l} not visible"));
        Assert.All(body, l => Assert.InRange(l.X, 400, 560)); // the hand-checked body box (arms are raised above it)
        Assert.True(pose.LeftShoulder.Y < pose.LeftHip.Y && pose.LeftHip.Y < pose.LeftKnee.Y && pose.LeftKnee.Y < pose.LeftAnkle.Y);
        Assert.True(pose.RightShoulder.Y < pose.RightHip.Y && pose.RightHip.Y < pose.RightKnee.Y && pose.RightKnee.Y < pose.RightAnkle.Y);
        Assert.True(pose.LeftHip.X > pose.RightHip.X, "facing the camera, the person's left hip is on the image's right");
        Assert.InRange(pose.LeftHip.Y, 300, 360); // belt line at y ≈ 320
    }

    /// <summary>
    /// Hip photos are framed from the waist to the knees, without a head. The model must still find the legs there;
    /// the crop is of test_a.jpg, rows 290–520 (belt to below the knees), columns 330–630. The model's person score
    /// drops to about 0.001 there, so the mask is accepted on its two visible hips (see PoseModel.SeesPerson).
    /// </summary>
    [Fact]
    public void Finds_the_legs_in_a_waist_to_knee_crop_without_a_head()
    {
        using var image = Cv2.ImRead(SharedFixtures.RealPeople("test_a.jpg"), ImreadModes.Color);
        using var crop = new Mat(image, new Rect(330, 290, 300, 230)).Clone();

        using var person = PoseModel.Segment(crop);

        Assert.NotNull(person);
        var p = person.Probability;
        output.WriteLine($"crop: confidence {person.Pose.Confidence:0.000}, hips visible {person.Pose.LeftHip.IsVisible}/{person.Pose.RightHip.IsVisible}, " +
                         $"knees visible {person.Pose.LeftKnee.IsVisible}/{person.Pose.RightKnee.IsVisible}");
        // The mask holds up, the landmarks do not: the hips are "visible" but put near the knees (y ≈ 137 against
        // ≈ 57), so a measurement must not take landmarks from a headless crop. The pelvis (x 160, y 60) and the left
        // thigh (x 195, y 100) are the person's, the wall beside them is not.
        Assert.True(person.Pose.LeftHip.IsVisible && person.Pose.RightHip.IsVisible, "hips");
        output.WriteLine($"crop: hips at y {person.Pose.LeftHip.Y:0} / {person.Pose.RightHip.Y:0} (full photo: ≈ 57)");
        output.WriteLine($"crop: right thigh {p.At<float>(100, 118):0.00} (its dark, shaded side is partly missed)");
        Assert.True(p.At<float>(60, 160) > 0.5, $"pelvis {p.At<float>(60, 160):0.00}");
        Assert.True(p.At<float>(100, 195) > 0.5, $"left thigh {p.At<float>(100, 195):0.00}");
        Assert.True(p.At<float>(100, 20) < 0.5 && p.At<float>(100, 280) < 0.5, "wall beside the legs");
        // Known limit, printed not asserted: in this tight crop the wall seen between the knees is taken for the person.
        output.WriteLine($"crop: wall between the knees {p.At<float>(180, 155):0.00}");
    }
}
