using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;

namespace ProgressTracker.Imaging.Evaluation;

/// <summary>
/// Turns one image into a "later photo" of the same scene with a known geometry: backdrop shade, camera pose,
/// exposure and sensor noise all change, and the exact photo-to-original matrix is returned with it.
/// </summary>
public static class KnownWarp
{
    /// <summary>Returns the photo and the matrix mapping its pixels back onto <paramref name="source"/>'s.</summary>
    public static (Mat Photo, double[] Truth) Apply(Mat source, WarpSpec spec, int seed)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(spec);
        using var shaded = source.Clone();
        if (spec.BackdropShift != 0) ShiftBackdrop(shaded, spec.BackdropShift);

        var size = new Size((int)Math.Round(source.Width * spec.PhotoScale), (int)Math.Round(source.Height * spec.PhotoScale));
        var centre = new Point2d((source.Width - 1) / 2.0, (source.Height - 1) / 2.0);
        // Source → photo: about the centre, then shift, then the other camera's resolution.
        var forward = new[] { 1, 0, -centre.X, 0, 1, -centre.Y }
            .Then(Affine.Similarity(spec.Scale, spec.RotationDegrees * Math.PI / 180,
                centre.X + spec.ShiftX * source.Width, centre.Y + spec.ShiftY * source.Width))
            .Then(Affine.ResizeMap(source.Size(), size));

        var photo = new Mat();
        using (var m = Affine.ToMat(forward))
        {
            // Outside the original frame the camera would see more backdrop, so fill with backdrop, not black.
            Cv2.WarpAffine(shaded, photo, m, size, InterpolationFlags.Linear, BorderTypes.Constant, BorderColour(shaded));
        }
        Photometric(photo, spec, seed);
        return (photo, Affine.Invert(forward));
    }

    /// <summary>Lightens or darkens light, neutral pixels (the backdrop) along a left-to-right gradient.</summary>
    private static void ShiftBackdrop(Mat image, double amount)
    {
        var width = image.Cols;
        image.GetArray(out Vec3b[] pixels);
        for (var i = 0; i < pixels.Length; i++)
        {
            var p = pixels[i];
            int max = Math.Max(p.Item0, Math.Max(p.Item1, p.Item2)), min = Math.Min(p.Item0, Math.Min(p.Item1, p.Item2));
            var saturation = max == 0 ? 0 : (max - min) / (double)max;
            var weight = Math.Clamp((max - 110) / 40.0, 0, 1) * Math.Clamp(1 - (saturation - 0.08) / 0.08, 0, 1);
            var shift = amount * weight * (0.5 + (double)(i % width) / width);
            pixels[i] = new Vec3b(Byte(p.Item0 + shift * 1.05), Byte(p.Item1 + shift), Byte(p.Item2 + shift * 0.95));
        }
        image.SetArray(pixels);
    }

    private static Scalar BorderColour(Mat image)
    {
        using var column = image.Col(0);
        return Cv2.Mean(column);
    }

    /// <summary>Exposure gain and offset, then Gaussian sensor noise from a seeded generator (reproducible).</summary>
    private static void Photometric(Mat photo, WarpSpec spec, int seed)
    {
        photo.ConvertTo(photo, MatType.CV_8UC3, spec.Gain, spec.Offset);
        if (spec.Noise <= 0) return;
        var random = new Random(seed);
        photo.GetArray(out Vec3b[] pixels);
        for (var i = 0; i < pixels.Length; i++)
        {
            var p = pixels[i];
            pixels[i] = new Vec3b(Byte(p.Item0 + Gaussian(random) * spec.Noise), Byte(p.Item1 + Gaussian(random) * spec.Noise),
                Byte(p.Item2 + Gaussian(random) * spec.Noise));
        }
        photo.SetArray(pixels);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static byte Byte(double v) => (byte)Math.Clamp((int)Math.Round(v), 0, 255);
}
