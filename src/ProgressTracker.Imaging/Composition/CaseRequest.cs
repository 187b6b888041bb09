namespace ProgressTracker.Imaging.Composition;

/// <summary>A rectangle in the after photo's display pixels (the before photo shares the canvas when aligned).</summary>
public readonly record struct CaseCrop(int X, int Y, int Width, int Height);

/// <summary>A blur brush stroke: centre and radius in the after photo's display pixels.</summary>
public readonly record struct CaseBlurSpot(double X, double Y, double Radius);

/// <summary>Ids written into the picture's metadata so a published copy can be traced to its case and consents.</summary>
public sealed record CaseProvenance(Guid CaseId, string CaseCode, IReadOnlyList<Guid> ConsentIds);

/// <summary>
/// Everything a marketing case picture is drawn from. <see cref="Before"/> and <see cref="After"/> are encoded upright
/// images (JPEG, PNG or WebP) at display size. <see cref="Crop"/> and <see cref="Blur"/> are in the after photo's
/// pixels; the before photo gets them scaled when its size differs (aligned photos share the canvas, and a tattoo is
/// on both). <see cref="Watermark"/>, when given, is drawn small and translucent in a corner of each photo.
/// </summary>
#pragma warning disable CA1819 // The encoded files are handed over as they are, to be decoded once.
public sealed record CaseRenderRequest(
    byte[] Before, byte[] After,
    string BeforeLabel, string AfterLabel,
    CaseCrop? Crop,
    IReadOnlyList<CaseBlurSpot> Blur,
    IReadOnlyList<string> CaptionLines,
    string? Watermark,
    CaseProvenance Provenance);

/// <summary>The case picture as JPEG (only an XMP packet of provenance as metadata), and the hex SHA-256 of those bytes.</summary>
public sealed record RenderedCase(byte[] Jpeg, int Width, int Height, string Sha256);
#pragma warning restore CA1819
