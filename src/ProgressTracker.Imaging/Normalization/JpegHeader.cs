using System.Buffers.Binary;

namespace ProgressTracker.Imaging.Normalization;

/// <summary>
/// What the JPEG decode route needs from the markers before the first scan: the kind of frame, its sample
/// precision and component count, and the embedded ICC profile (APP2 "ICC_PROFILE" chunks, reassembled).
/// Nothing here is trusted for safety: the upload checks have already walked the whole structure.
/// </summary>
internal sealed record JpegHeader(byte FrameMarker, int Precision, int Components, byte[]? IccProfile, bool IccIrregular)
{
    private static ReadOnlySpan<byte> IccSignature => "ICC_PROFILE\0"u8;

    /// <summary>
    /// Baseline, extended and progressive Huffman frames of 8-bit greyscale or YCbCr/RGB: what libjpeg-turbo in
    /// OpenCV decodes exactly as ImageMagick's libjpeg-turbo does. CMYK/YCCK (colour managed by ImageMagick),
    /// 12-bit, lossless and arithmetic-coded frames stay with ImageMagick.
    /// </summary>
    public bool FitsFastDecode => FrameMarker is 0xC0 or 0xC1 or 0xC2 && Precision == 8 && Components is 1 or 3 && !IccIrregular;

    /// <summary>Null when the markers before the first scan cannot be walked.</summary>
    public static JpegHeader? Read(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return null;

        byte frame = 0;
        int precision = 0, components = 0;
        var chunks = new List<(int Sequence, int Count, byte[] Data)>();
        var at = 2;
        while (true)
        {
            // Markers may be preceded by any number of fill bytes (FF).
            if (at >= jpeg.Length || jpeg[at] != 0xFF) return null;
            while (at < jpeg.Length && jpeg[at] == 0xFF) at++;
            if (at >= jpeg.Length) return null;
            var marker = jpeg[at++];
            if (marker is >= 0xD0 and <= 0xD7 or 0x01) continue; // standalone
            if (marker is 0xD8 or 0xD9) return null;              // SOI again, or EOI before any scan
            if (at + 2 > jpeg.Length) return null;
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[at..]);
            if (length < 2 || at + length > jpeg.Length) return null;
            var payload = jpeg.Slice(at + 2, length - 2);
            at += length;

            if (marker == 0xDA) break; // SOS: everything we need comes before the first scan
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                if (frame != 0) continue; // only the first frame header counts, as for the decoders
                if (payload.Length < 6) return null;
                frame = marker;
                precision = payload[0];
                components = payload[5];
            }
            else if (marker == 0xE2 && payload.Length >= IccSignature.Length + 2 && payload.StartsWith(IccSignature))
            {
                chunks.Add((payload[12], payload[13], payload[14..].ToArray()));
            }
        }
        if (frame == 0) return null;

        var (profile, irregular) = Reassemble(chunks);
        return new JpegHeader(frame, precision, components, profile, irregular);
    }

    /// <summary>
    /// Chunks numbered 1..N, each once, all agreeing on N, form the profile. Anything else is "irregular": the
    /// caller then leaves the file to ImageMagick so that such a profile is treated exactly as it always was.
    /// </summary>
    private static (byte[]? Profile, bool Irregular) Reassemble(List<(int Sequence, int Count, byte[] Data)> chunks)
    {
        if (chunks.Count == 0) return (null, false);
        var count = chunks[0].Count;
        if (count != chunks.Count || chunks.Any(c => c.Count != count)) return (null, true);
        var ordered = chunks.OrderBy(c => c.Sequence).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Sequence != i + 1) return (null, true);
        }
        // ImageMagick keeps the chunks in file order; only files that list them in order agree with that.
        if (!ordered.Select(c => c.Sequence).SequenceEqual(chunks.Select(c => c.Sequence))) return (null, true);
        var profile = ordered.SelectMany(c => c.Data).ToArray();
        return profile.Length == 0 ? (null, true) : (profile, false);
    }
}
