using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;

namespace ProgressTracker.Imaging.Composition;

/// <summary>
/// The rows to keep when an export is cropped to the hip region. The rule: take the hip band the aligner leaves out
/// of registration (from a third of the way down from the waist, where the iliac crest lies, to a quarter of the
/// waist-to-hips distance below the widest row, at the greater trochanter; see <see cref="WidthProfile.FindHipBand"/>),
/// found on the silhouette, and add a quarter of its height above and below so the waist and upper thigh frame the
/// dip. Aligned images share their baseline's canvas, so the band found on the baseline fits every aligned image.
/// <see cref="FindBox(byte[], CancellationToken)"/> adds columns for a case picture's default crop: the silhouette's
/// extent across those rows, with a margin either side.
/// </summary>
public static class HipRegion
{
    /// <summary>Context added above and below the band, as a fraction of the band's height.</summary>
    public const double Context = 0.25;

    /// <summary>Room left and right of the silhouette in a box, as a fraction of its width across the band.</summary>
    public const double SideMargin = 0.12;

    /// <summary>The crop band of an upright encoded photo (JPEG, PNG, WebP), or null when its silhouette has no waist-and-hips shape.</summary>
    /// <exception cref="ArgumentException">The image cannot be decoded.</exception>
    public static CropBand? Find(byte[] image, CancellationToken ct = default)
    {
        using var bgr = EncodedImage.Decode(image, nameof(image), "The image");
        return Find(bgr, ct);
    }

    /// <summary>The crop band of an upright BGR photo, or null when its silhouette has no waist-and-hips shape.</summary>
    internal static CropBand? Find(Mat bgr, CancellationToken ct = default)
    {
        using var working = Prepare(bgr, ct);
        return working is null ? null : Band(working.Mask);
    }

    /// <summary>
    /// The hip region of an upright encoded photo as a rectangle in its pixels: the rows of
    /// <see cref="Find(byte[], CancellationToken)"/>, and the columns the silhouette spans across them plus
    /// <see cref="SideMargin"/> either side, clipped to the photo. Null when there is no waist-and-hips shape.
    /// </summary>
    /// <exception cref="ArgumentException">The image cannot be decoded.</exception>
    public static CaseCrop? FindBox(byte[] image, CancellationToken ct = default)
    {
        using var bgr = EncodedImage.Decode(image, nameof(image), "The image");
        return FindBox(bgr, ct);
    }

    /// <inheritdoc cref="FindBox(byte[], CancellationToken)"/>
    internal static CaseCrop? FindBox(Mat bgr, CancellationToken ct = default)
    {
        using var working = Prepare(bgr, ct);
        if (working is null || Band(working.Mask) is not { } band) return null;
        var mask = working.Mask;
        var (from, to) = band.Rows(mask.Height);
        using var rows = new Mat(mask, new Rect(0, from, mask.Width, to - from));
        using var columns = new Mat();
        Cv2.Reduce(rows, columns, ReduceDimension.Row, ReduceTypes.Max, -1);
        columns.GetArray(out byte[] occupied);
        var first = Array.FindIndex(occupied, v => v != 0);
        var last = Array.FindLastIndex(occupied, v => v != 0);
        if (first < 0) return null;

        // Mask columns to photo pixels: the coarse level is an area reduction of the whole photo.
        var scale = (double)bgr.Width / mask.Width;
        double left = first * scale, right = (last + 1) * scale;
        var margin = SideMargin * (right - left);
        var x0 = Math.Clamp((int)Math.Floor(left - margin), 0, bgr.Width - 1);
        var x1 = Math.Clamp((int)Math.Ceiling(right + margin), x0 + 1, bgr.Width);
        var (top, bottom) = band.Rows(bgr.Height);
        return new CaseCrop(x0, top, x1 - x0, bottom - top);
    }

    /// <summary>The reduced photo and its silhouette, or null when the photo is too small to have a hip region.</summary>
    private static WorkingImage? Prepare(Mat bgr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        if (bgr.Empty() || bgr.Type() != MatType.CV_8UC3)
            throw new ArgumentException("Expected a non-empty 8-bit, 3-channel BGR image.", nameof(bgr));
        if (bgr.Width < 32 || bgr.Height < 32) return null;
        var working = WorkingImage.Create(bgr);
        if (!ct.IsCancellationRequested) return working;
        working.Dispose();
        ct.ThrowIfCancellationRequested();
        return null;
    }

    private static CropBand? Band(Mat mask)
    {
        if (WidthProfile.Measure(mask).FindHipBand() is not { } band) return null;
        var margin = Context * (band.Bottom - band.Top);
        return new CropBand(Math.Max(0, band.Top - margin), Math.Min(1, band.Bottom + margin));
    }
}
