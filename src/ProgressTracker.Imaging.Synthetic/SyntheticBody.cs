using System.Runtime.InteropServices;
using OpenCvSharp;

namespace ProgressTracker.Imaging.Synthetic;

/// <summary>
/// Synthetic hip-profile photos for the demo clinic and for tests: torso, waist, hips with an adjustable hip
/// dip and thighs, lit softly in front of a plain backdrop. The same options always give the same pixels.
/// </summary>
public static class SyntheticBody
{
    public static Mat Render(SyntheticBodyOptions options) => Draw(options).Image;

    /// <summary>
    /// The photo and the exact outline it was drawn from: for every image row, the body's outermost left and right
    /// edge in pixel coordinates (pixel centres at whole numbers; NaN where the row has no body). The ground truth
    /// for measurements of the contour.
    /// </summary>
    public static SyntheticPhoto RenderWithOutline(SyntheticBodyOptions options)
    {
        var (image, surface) = Draw(options);
        var left = Enumerable.Repeat(double.NaN, surface.Height).ToArray();
        var right = Enumerable.Repeat(double.NaN, surface.Height).ToArray();
        foreach (var outline in surface.Outlines)
        {
            // Each part's outline runs down its left edge and back up its right edge, one point per row.
            var rows = outline.Length / 2;
            for (var i = 0; i < rows; i++)
            {
                var (l, r) = (outline[i], outline[outline.Length - 1 - i]);
                var row = (int)Math.Round(l.Y);
                if (row < 0 || row >= surface.Height) continue;
                left[row] = double.IsNaN(left[row]) ? l.X : Math.Min(left[row], l.X);
                right[row] = double.IsNaN(right[row]) ? r.X : Math.Max(right[row], r.X);
            }
        }
        return new SyntheticPhoto(image, left, right);
    }

    private static (Mat Image, SurfaceMap Surface) Draw(SyntheticBodyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Height, 16);
        var turn = ViewAngles.Degrees(options.View) + options.TurnDegrees;
        int w = options.Width, h = options.Height;
        var random = new Random(options.Seed);

        var parts = BodyModel.Build(options.HipDipDepth, random, options.ShapeVariation, options.Seed);
        var surface = BodyRasterizer.Rasterize(parts, w, h, turn);
        using var coverage = Coverage(surface);
        coverage.GetArray(out byte[] alpha);
        var body = BodyShader.Shade(surface, random);
        FillFringe(body, surface, alpha);
        var backdrop = Backdrop.Render(w, h, coverage);

        var bgr = new byte[w * h * 3];
        Parallel.For(0, h, row =>
        {
            for (var i = row * w; i < (row + 1) * w; i++)
            {
                var a = alpha[i] / 255f;
                for (var c = i * 3; c < i * 3 + 3; c++)
                    bgr[c] = (byte)Math.Clamp((int)(backdrop[c] + (body[c] - backdrop[c]) * a + 0.5f), 0, 255);
            }
        });

        var image = new Mat(h, w, MatType.CV_8UC3);
        Marshal.Copy(bgr, 0, image.Data, bgr.Length);
        if (!string.IsNullOrWhiteSpace(options.Caption)) DrawCaption(image, options.Caption);
        return (image, surface);
    }

    public static byte[] RenderJpeg(SyntheticBodyOptions options, int quality = 90)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        using var image = Render(options);
        // The same encoder settings as the app's derivatives (optimised Huffman tables).
        Cv2.ImEncode(".jpg", image, out var bytes,
        [
            new ImageEncodingParam(ImwriteFlags.JpegQuality, quality),
            new ImageEncodingParam(ImwriteFlags.JpegOptimize, 1),
        ]);
        return bytes;
    }

    /// <summary>Anti-aliased coverage of all parts; overlapping parts simply merge.</summary>
    private static Mat Coverage(SurfaceMap surface)
    {
        const int shift = 4; // sub-pixel precision: coordinates in 1/16 pixel
        var mask = new Mat(surface.Height, surface.Width, MatType.CV_8UC1, Scalar.All(0));
        foreach (var outline in surface.Outlines)
        {
            var points = outline.Select(p => new Point(Math.Round(p.X * (1 << shift)), Math.Round(p.Y * (1 << shift)))).ToArray();
            Cv2.FillPoly(mask, [points], Scalar.All(255), LineTypes.AntiAlias, shift);
        }
        return mask;
    }

    /// <summary>Edge pixels partly covered by the outline but missed by the row scan borrow their neighbours' colour.</summary>
    private static void FillFringe(float[] body, SurfaceMap surface, byte[] alpha)
    {
        int w = surface.Width, h = surface.Height;
        for (var i = 0; i < w * h; i++)
        {
            if (alpha[i] == 0 || surface.Part[i] != 0) continue;
            int row = i / w, col = i % w, count = 0;
            float b = 0, g = 0, r = 0;
            for (var dy = -2; dy <= 2; dy++)
            {
                for (var dx = -2; dx <= 2; dx++)
                {
                    int y = row + dy, x = col + dx;
                    if (y < 0 || y >= h || x < 0 || x >= w || surface.Part[y * w + x] == 0) continue;
                    var j = (y * w + x) * 3;
                    (b, g, r, count) = (b + body[j], g + body[j + 1], r + body[j + 2], count + 1);
                }
            }
            if (count == 0) continue;
            (body[i * 3], body[i * 3 + 1], body[i * 3 + 2]) = (b / count, g / count, r / count);
        }
    }

    private static void DrawCaption(Mat image, string caption)
    {
        caption = CaptionText.ToAscii(caption);
        var scale = Math.Max(0.35, image.Height / 1600.0 * 0.9);
        var thickness = Math.Max(1, (int)Math.Round(scale * 2));
        var margin = (int)Math.Round(image.Height * 0.02);
        Cv2.GetTextSize(caption, HersheyFonts.HersheySimplex, scale, thickness, out var baseline);
        var origin = new Point(margin, image.Height - margin - baseline);
        Cv2.PutText(image, caption, origin, HersheyFonts.HersheySimplex, scale, new Scalar(70, 70, 70), thickness, LineTypes.AntiAlias);
    }
}

/// <summary>A synthetic photo with its exact outline per row (see <see cref="SyntheticBody.RenderWithOutline"/>).</summary>
#pragma warning disable CA1819 // Per-row ground truth, read by index.
public sealed record SyntheticPhoto(Mat Image, double[] Left, double[] Right) : IDisposable
{
    public void Dispose() => Image.Dispose();
}
#pragma warning restore CA1819
