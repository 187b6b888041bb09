using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;

namespace ProgressTracker.Imaging.Composition;

/// <summary>
/// The rows to keep when an export is cropped to the hip region. The rule: take the hip band the aligner leaves out
/// of registration (from a third of the way down from the waist, where the iliac crest lies, to a quarter of the
/// waist-to-hips distance below the widest row, at the greater trochanter; see <see cref="WidthProfile.FindHipBand"/>),
/// found on the silhouette, and add a quarter of its height above and below so the waist and upper thigh frame the
/// dip. Aligned images share their baseline's canvas, so the band found on the baseline fits every aligned image.
/// </summary>
public static class HipRegion
{
    /// <summary>Context added above and below the band, as a fraction of the band's height.</summary>
    public const double Context = 0.25;

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
        ArgumentNullException.ThrowIfNull(bgr);
        if (bgr.Empty() || bgr.Type() != MatType.CV_8UC3)
            throw new ArgumentException("Expected a non-empty 8-bit, 3-channel BGR image.", nameof(bgr));
        if (bgr.Width < 32 || bgr.Height < 32) return null;

        using var working = WorkingImage.Create(bgr);
        ct.ThrowIfCancellationRequested();
        if (WidthProfile.Measure(working.Mask).FindHipBand() is not { } band) return null;
        var margin = Context * (band.Bottom - band.Top);
        return new CropBand(Math.Max(0, band.Top - margin), Math.Min(1, band.Bottom + margin));
    }
}
