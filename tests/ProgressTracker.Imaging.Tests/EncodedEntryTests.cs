using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;
using ProgressTracker.Imaging.Composition;
using ProgressTracker.Imaging.Evaluation;
using ProgressTracker.Imaging.Synthetic;

namespace ProgressTracker.Imaging.Tests;

/// <summary>
/// The library's edge takes encoded images and gives bytes and numbers: each entry must give what the pixel path
/// behind it gives for the decoded image, and say which input it could not read.
/// </summary>
public class EncodedEntryTests
{
    [Fact]
    public void Align_and_render_equals_the_pixel_path_on_the_decoded_masters()
    {
        using var pair = SyntheticPairs.Matched("left-lateral", 3, new WarpSpec(3, 0.95, 0.02, -0.01, Noise: 1), 480, 640);
        var baselineJpeg = Jpeg(pair.Baseline);
        var photoJpeg = Jpeg(pair.Photo);
        using var baseline = Cv2.ImDecode(baselineJpeg, ImreadModes.Color);
        using var photo = Cv2.ImDecode(photoJpeg, ImreadModes.Color);

        var aligned = MasterAlignment.AlignAndRender(baselineJpeg, photoJpeg);

        var expected = PhotoAligner.Align(baseline, photo);
        Assert.Equal(expected.Matrix, aligned.Result.Matrix);
        Assert.Equal((expected.Score, expected.Verdict, expected.Reason), (aligned.Result.Score, aligned.Result.Verdict, aligned.Result.Reason));
        using var display = AlignedRenderer.Render(photo, expected.Matrix, baseline.Size(), DerivativeSpec.DisplayLongEdge);
        Assert.Equal(DerivativeRenderer.EncodeJpeg(display, DerivativeSpec.JpegQuality), aligned.Images.DisplayJpeg);
        Assert.Equal(aligned.Images.ThumbJpeg, MasterAlignment.Render(photoJpeg, expected.Matrix, new PixelSize(480, 640)).ThumbJpeg);
    }

    [Fact]
    public void Render_without_a_canvas_uses_the_photos_own_size()
    {
        using var photo = new Mat(900, 600, MatType.CV_8UC3, new Scalar(90, 140, 200));

        var images = MasterAlignment.Render(Jpeg(photo), [1, 0, 0, 0, 1, 0]);

        using var display = Cv2.ImDecode(images.DisplayJpeg, ImreadModes.Color);
        using var thumb = Cv2.ImDecode(images.ThumbJpeg, ImreadModes.Color);
        Assert.Equal((600, 900), (display.Width, display.Height)); // never enlarged
        Assert.Equal(320, Math.Max(thumb.Width, thumb.Height));
    }

    [Fact]
    public void Unreadable_inputs_are_named()
    {
        byte[] garbage = [1, 2, 3, 4];
        using var ok = new Mat(64, 64, MatType.CV_8UC3, Scalar.All(128));

        Assert.Equal("photoMaster", Assert.Throws<ArgumentException>(() => MasterAlignment.AlignAndRender(Jpeg(ok), garbage)).ParamName);
        Assert.Equal("baselineMaster", Assert.Throws<ArgumentException>(() => MasterAlignment.AlignAndRender([], Jpeg(ok))).ParamName);
        Assert.Throws<ArgumentException>(() => HipRegion.Find(garbage));
        var request = new CompositionRequest(CompositionKind.SideBySide,
            [new CompositionPanel(Jpeg(ok), "a"), new CompositionPanel(garbage, "b")], "Front");
        Assert.StartsWith("Photo 2 could not be decoded.", Assert.Throws<ArgumentException>(() => ExportRenderer.Render(request)).Message);
    }

    [Fact]
    public void Hip_region_and_export_from_bytes_equal_the_pixel_path()
    {
        using var body = SyntheticBody.Render(new SyntheticBodyOptions(480, 640, "front", 0.8, 9));
        var jpeg = Jpeg(body);
        using var decoded = Cv2.ImDecode(jpeg, ImreadModes.Color);

        Assert.Equal(HipRegion.Find(decoded), HipRegion.Find(jpeg));
        var band = new CropBand(0.2, 0.7);
        var fromBytes = ExportRenderer.Render(new CompositionRequest(CompositionKind.SideBySide,
            [new CompositionPanel(jpeg, "12 Mar 2026", band), new CompositionPanel(jpeg, "10 Sep 2026")], "Front", "Clinic"));
        var fromPixels = ExportRenderer.Render(new DecodedComposition(CompositionKind.SideBySide,
            [new DecodedPanel(decoded, "12 Mar 2026", band), new DecodedPanel(decoded, "10 Sep 2026")], "Front", "Clinic"));
        Assert.Equal(fromPixels.Bytes, fromBytes.Bytes);
    }

    [Fact]
    public void Landmark_pairs_of_plain_numbers_give_the_same_matrix()
    {
        var plain = LandmarkTransform.FromLandmarks([new LandmarkPair(400, 600, 470, 640), new LandmarkPair(620, 1180, 700, 1200)]);
        var points = LandmarkTransform.FromLandmarks([(new Point2d(400, 600), new Point2d(470, 640)), (new Point2d(620, 1180), new Point2d(700, 1200))]);

        Assert.Equal(points, plain);
    }

    private static byte[] Jpeg(Mat image) => DerivativeRenderer.EncodeJpeg(image, 92);
}
