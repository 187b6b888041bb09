using OpenCvSharp;
using ProgressTracker.Imaging.Synthetic;

namespace ProgressTracker.Imaging.Evaluation.Measurement;

/// <summary>Draws what spoils a hip photo onto a generated one, where it matters: at the dip's height on the outline.</summary>
internal static class HipFaults
{
    public static void Apply(SyntheticPhoto photo, HipFault fault, int seed)
    {
        var image = photo.Image;
        int h = image.Height, w = image.Width;
        var dipRow = (int)(0.40 * h);
        var breadth = photo.Right[dipRow] - photo.Left[dipRow];
        var thighRow = (int)(0.62 * h);
        var skin = image.At<Vec3b>(thighRow, (int)(photo.Left[thighRow] + 0.1 * breadth));
        switch (fault)
        {
            case HipFault.HandNearHip:
                // A hand resting on the hip: an ellipse of skin half over the outline, on the iliac crest, in the dip
                // or on the trochanter (by seed).
                var handRow = (int)((0.34 + 0.06 * (seed % 3)) * h);
                Cv2.Ellipse(image, new Point((int)photo.Left[handRow], handRow), new Size(0.09 * breadth, 0.16 * breadth), 10, 0, 360,
                    new Scalar(skin.Item0, skin.Item1, skin.Item2), -1, LineTypes.AntiAlias);
                break;
            case HipFault.ClothingAcrossBand:
                // A loose T-shirt whose hem ends across the dip: wider than the body above the hem.
                var hem = dipRow + (int)(0.01 * h);
                var margin = 0.03 * breadth;
                var points = new List<Point>();
                for (var y = 0; y <= hem; y += 4) points.Add(new Point(photo.Left[y] - margin, y));
                for (var y = hem; y >= 0; y -= 4) points.Add(new Point(photo.Right[y] + margin, y));
                Cv2.FillPoly(image, [points.ToArray()], new Scalar(150, 110, 60), LineTypes.AntiAlias);
                break;
            case HipFault.LeavesFrame:
                // The camera too close: the left hip runs out of the frame.
                var cut = (int)Math.Max(1, photo.Left[(int)(0.5 * h)] + 0.04 * breadth);
                using (var kept = new Mat(image, new Rect(cut, 0, w - cut, h)).Clone())
                {
                    Cv2.Resize(kept, image, image.Size(), 0, 0, InterpolationFlags.Area);
                }
                break;
            case HipFault.LowContrast:
                // A backdrop close to the skin's colour.
                using (var mask = new Mat(h, w, MatType.CV_8UC1, Scalar.All(0)))
                {
                    var outline = new List<Point>();
                    for (var y = 0; y < h; y++) if (!double.IsNaN(photo.Left[y])) outline.Add(new Point(photo.Left[y], y));
                    for (var y = h - 1; y >= 0; y--) if (!double.IsNaN(photo.Right[y])) outline.Add(new Point(photo.Right[y], y));
                    Cv2.FillPoly(mask, [outline.ToArray()], Scalar.All(255));
                    Cv2.BitwiseNot(mask, mask);
                    var near = new Scalar(skin.Item0 - 6, skin.Item1 - 5, skin.Item2 - 4);
                    image.SetTo(near, mask);
                }
                break;
            case HipFault.DifferentPose:
                // Drawn by the case itself (a turned body); the baseline comparison rules it out.
                break;
        }
    }
}
