using System.Buffers.Binary;

namespace ProgressTracker.Imaging.Inspection;

/// <summary>
/// Classifies ISO base media files (HEIC, AVIF, MP4, MOV) by the brands in their leading 'ftyp' box.
/// AVIF files usually also list the generic 'mif1' brand, so AVIF brands win over the generic ones.
/// </summary>
internal static class IsoBmffBrands
{
    private static readonly string[] HeicBrands = ["heic", "heix", "hevc", "heim", "heis", "hevm", "hevs"];
    private static readonly string[] GenericStillBrands = ["mif1", "msf1"];
    private static readonly string[] AvifBrands = ["avif", "avis"];
    private static readonly string[] VideoBrands = ["isom", "iso2", "mp41", "mp42", "qt  ", "M4V ", "M4A ", "avc1", "3gp4", "3gp5", "3g2a", "dash"];

    public static SniffResult Classify(ReadOnlySpan<byte> head)
    {
        var boxSize = BinaryPrimitives.ReadUInt32BigEndian(head);
        var end = (int)Math.Min(boxSize < 16 ? 16u : boxSize, (uint)head.Length);
        var major = Brand(head, 8);

        if (AvifBrands.Contains(major)) return new(ImageFormatKind.Avif, null);
        if (HeicBrands.Contains(major)) return new(ImageFormatKind.Heic, null);

        var compatible = new List<string>();
        for (var i = 16; i + 4 <= end; i += 4) compatible.Add(Brand(head, i));

        if (compatible.Any(AvifBrands.Contains)) return new(ImageFormatKind.Avif, null);
        if (GenericStillBrands.Contains(major) || compatible.Any(b => HeicBrands.Contains(b) || GenericStillBrands.Contains(b)))
            return new(ImageFormatKind.Heic, null);
        if (VideoBrands.Contains(major) || compatible.Any(VideoBrands.Contains))
            return new(null, "a video (MP4 or MOV)");
        return new(null, null);
    }

    private static string Brand(ReadOnlySpan<byte> head, int offset) =>
        System.Text.Encoding.ASCII.GetString(head.Slice(offset, 4));
}
