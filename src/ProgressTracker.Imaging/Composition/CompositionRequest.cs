using OpenCvSharp;

namespace ProgressTracker.Imaging.Composition;

/// <summary>What an export is made into: two photos side by side, a row of visits, or an animation of the row.</summary>
public enum CompositionKind { SideBySide, Sequence, Animation }

/// <summary>
/// Rows to keep, as fractions of the image height (0 ≤ <see cref="Top"/> &lt; <see cref="Bottom"/> ≤ 1), so one band
/// serves an image at any size. Fractions rather than pixels because the band is found on one image (the baseline)
/// and applied to others of the same canvas.
/// </summary>
public readonly record struct CropBand(double Top, double Bottom)
{
    /// <summary>First and one-past-last row of the band in an image <paramref name="height"/> rows tall (at least one row).</summary>
    public (int From, int To) Rows(int height)
    {
        var from = Math.Clamp((int)Math.Floor(Top * height), 0, height - 1);
        var to = Math.Clamp((int)Math.Ceiling(Bottom * height), from + 1, height);
        return (from, to);
    }
}

/// <summary>One photo of an export: its encoded image (JPEG, PNG or WebP, upright), its label, and an optional crop.</summary>
#pragma warning disable CA1819 // The encoded file is handed over as it is, to be decoded once.
public sealed record CompositionPanel(byte[] Image, string Label, CropBand? Crop = null);
#pragma warning restore CA1819

/// <summary>
/// Everything an export is drawn from. <see cref="Title"/> heads the picture (the view's name); the
/// <see cref="Watermark"/>, when given, is drawn small and translucent in a corner of every photo.
/// </summary>
public sealed record CompositionRequest(
    CompositionKind Kind, IReadOnlyList<CompositionPanel> Panels, string Title, string? Watermark = null);

/// <summary>One decoded photo of an export: BGR pixels (the caller keeps ownership), its label, and an optional crop.</summary>
internal sealed record DecodedPanel(Mat Image, string Label, CropBand? Crop = null);

/// <summary>A <see cref="CompositionRequest"/> with its photos decoded.</summary>
internal sealed record DecodedComposition(
    CompositionKind Kind, IReadOnlyList<DecodedPanel> Panels, string Title, string? Watermark = null);

/// <summary>The encoded export: JPEG for composites, GIF for animations, without any metadata.</summary>
#pragma warning disable CA1819 // The encoded file is handed over as it is, to be stored.
public sealed record RenderedExport(byte[] Bytes, string ContentType, string Extension, int Width, int Height, int Frames);
#pragma warning restore CA1819
