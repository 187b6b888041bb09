using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using ImageMagick;
using OpenCvSharp;

namespace ProgressTracker.Imaging.Normalization;

/// <summary>
/// Converts 8-bit pixels tagged with an RGB matrix/TRC ICC profile (Display P3 from every iPhone, Adobe RGB,
/// Apple RGB, ColorMatch, ProPhoto, …) to sRGB in place, in one pass over the pixels: source curves, one 3 × 3
/// matrix through the D50 connection space, clipping, sRGB curve. That is exactly the computation LittleCMS does
/// for such a pair of profiles, so the result matches ImageMagick's <c>TransformColorSpace</c> to within a level,
/// at a fraction of its cost (it converts 16-bit pixels one row at a time through its own pixel cache).
/// Profiles built from lookup tables (A2B/D2B tags), non-RGB profiles and anything unexpected are not handled
/// here: <see cref="For"/> returns null and the caller leaves the conversion to ImageMagick.
/// </summary>
internal sealed class SrgbConversion
{
    private const int EncodeBits = 16;
    private const int MaxCached = 16;

    private static readonly ConcurrentDictionary<string, SrgbConversion?> Cache = new(StringComparer.Ordinal);
    private static readonly Lazy<Destination?> Srgb = new(Destination.FromSrgbProfile);

    // Source curves as linear light, one table per channel, indexed by the 8-bit value.
    private readonly float[] _red, _green, _blue;
    private readonly float[] _matrix; // row-major, source linear RGB → sRGB linear RGB
    private readonly byte[] _encode;  // sRGB linear, quantised to 16 bits → 8-bit sRGB

    private SrgbConversion(float[] red, float[] green, float[] blue, float[] matrix, byte[] encode)
    {
        (_red, _green, _blue, _matrix, _encode) = (red, green, blue, matrix, encode);
    }

    /// <summary>The conversion for this profile, or null when it is not a plain RGB matrix/TRC profile.</summary>
    public static SrgbConversion? For(byte[] iccProfile)
    {
        ArgumentNullException.ThrowIfNull(iccProfile);
        var key = Convert.ToHexString(SHA256.HashData(iccProfile));
        if (Cache.TryGetValue(key, out var known)) return known;
        var built = Build(iccProfile);
        if (Cache.Count >= MaxCached) Cache.Clear(); // a handful of profiles cover nearly every photo
        Cache[key] = built;
        return built;
    }

    /// <summary>Converts an 8-bit BGR matrix in place; rows are shared out over the cores.</summary>
    public void ApplyInPlace(Mat bgr)
    {
        if (bgr.Type() != MatType.CV_8UC3) throw new ArgumentException("Expected 8-bit BGR.", nameof(bgr));
        var rows = bgr.Rows;
        var bands = Math.Max(1, Math.Min(Environment.ProcessorCount * 4, rows / 16));
        Parallel.For(0, bands, band =>
        {
            var first = (int)((long)rows * band / bands);
            var last = (int)((long)rows * (band + 1) / bands);
            for (var y = first; y < last; y++) ConvertRow(bgr.RowSpan<byte>(y));
        });
    }

    private void ConvertRow(Span<byte> row)
    {
        float m00 = _matrix[0], m01 = _matrix[1], m02 = _matrix[2];
        float m10 = _matrix[3], m11 = _matrix[4], m12 = _matrix[5];
        float m20 = _matrix[6], m21 = _matrix[7], m22 = _matrix[8];
        const float scale = (1 << EncodeBits) - 1;
        ReadOnlySpan<float> red = _red, green = _green, blue = _blue;
        ReadOnlySpan<byte> encode = _encode;
        for (var x = 0; x + 2 < row.Length; x += 3)
        {
            float b = blue[row[x]], g = green[row[x + 1]], r = red[row[x + 2]];
            var outR = m00 * r + m01 * g + m02 * b;
            var outG = m10 * r + m11 * g + m12 * b;
            var outB = m20 * r + m21 * g + m22 * b;
            row[x + 2] = encode[Quantise(outR, scale)];
            row[x + 1] = encode[Quantise(outG, scale)];
            row[x] = encode[Quantise(outB, scale)];
        }
    }

    // Out-of-gamut values clip per channel, as LittleCMS does for matrix/TRC output profiles.
    private static int Quantise(float linear, float scale) => (int)(Math.Clamp(linear, 0f, 1f) * scale + 0.5f);

    private static SrgbConversion? Build(byte[] icc)
    {
        if (Srgb.Value is not { } destination) return null;
        try
        {
            if (MatrixTrcProfile.Parse(icc) is not { } source) return null;
            var matrix = Multiply(destination.FromXyz, source.ToXyz);
            if (matrix.Any(v => !double.IsFinite(v))) return null;
            return new SrgbConversion(
                Table(source.Red), Table(source.Green), Table(source.Blue),
                [.. matrix.Select(v => (float)v)], destination.Encode);
        }
#pragma warning disable CA1031 // A profile we cannot read is simply left to ImageMagick.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static float[] Table(Func<double, double> curve) =>
        [.. Enumerable.Range(0, 256).Select(v => (float)Math.Clamp(curve(v / 255.0), 0, 1))];

    private static double[] Multiply(double[] a, double[] b)
    {
        var result = new double[9];
        for (var r = 0; r < 3; r++)
        for (var c = 0; c < 3; c++)
            result[r * 3 + c] = a[r * 3] * b[c] + a[r * 3 + 1] * b[3 + c] + a[r * 3 + 2] * b[6 + c];
        return result;
    }

    /// <summary>The sRGB side: ImageMagick's own sRGB profile, so the target is the very one it converts to.</summary>
    private sealed record Destination(double[] FromXyz, byte[] Encode)
    {
        public static Destination? FromSrgbProfile()
        {
            var profile = ColorProfiles.SRGB.ToByteArray();
            if (profile is null || MatrixTrcProfile.Parse(profile) is not { } srgb) return null;
            var inverse = Invert(srgb.ToXyz);
            if (inverse is null) return null;

            // Inverse curve by bisection on the (increasing) forward curve, rounding to the nearest 8-bit code.
            // Codes are chosen where the forward curve crosses the midpoints between neighbouring codes.
            var midpoints = Enumerable.Range(0, 255).Select(v => Average(srgb.Red, v)).ToArray();
            var encode = new byte[1 << EncodeBits];
            var code = 0;
            for (var i = 0; i < encode.Length; i++)
            {
                var linear = i / (double)((1 << EncodeBits) - 1);
                while (code < 255 && linear >= midpoints[code]) code++;
                encode[i] = (byte)code;
            }
            return new Destination(inverse, encode);
        }

        private static double Average(Func<double, double> curve, int code) => curve((code + 0.5) / 255.0);

        private static double[]? Invert(double[] m)
        {
            var det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
            if (Math.Abs(det) < 1e-9) return null;
            return
            [
                (m[4] * m[8] - m[5] * m[7]) / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
                (m[5] * m[6] - m[3] * m[8]) / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
                (m[3] * m[7] - m[4] * m[6]) / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det,
            ];
        }
    }
}

/// <summary>
/// The parts of an ICC profile that define an RGB matrix/TRC transform: three colorants (columns of the matrix to
/// the D50 connection space) and three tone curves. Anything that would make LittleCMS take another route (a
/// lookup-table transform, a non-RGB or non-XYZ space, curves that do not start at black) gives null.
/// </summary>
internal sealed record MatrixTrcProfile(double[] ToXyz, Func<double, double> Red, Func<double, double> Green, Func<double, double> Blue)
{
    private static readonly string[] LookupTableTags = ["A2B0", "A2B1", "A2B2", "A2B3", "D2B0", "D2B1", "D2B2", "D2B3"];
    private static readonly string[] DeviceClasses = ["mntr", "scnr", "spac"];

    public static MatrixTrcProfile? Parse(ReadOnlySpan<byte> icc)
    {
        if (icc.Length < 132) return null;
        var declared = BinaryPrimitives.ReadUInt32BigEndian(icc);
        if (declared < 132 || declared > icc.Length) return null;
        icc = icc[..(int)declared];
        if (Ascii(icc, 36) != "acsp" || Ascii(icc, 16) != "RGB " || Ascii(icc, 20) != "XYZ ") return null;
        if (!DeviceClasses.Contains(Ascii(icc, 12))) return null;
        if (icc[8] is not (2 or 4)) return null;

        var tagCount = BinaryPrimitives.ReadUInt32BigEndian(icc[128..]);
        if (tagCount > 200 || 132 + tagCount * 12 > icc.Length) return null;
        var tags = new Dictionary<string, (int Offset, int Size)>(StringComparer.Ordinal);
        for (var i = 0; i < tagCount; i++)
        {
            var entry = icc.Slice(132 + i * 12, 12);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            var size = BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            if (offset + (ulong)size > (ulong)icc.Length || size < 8) return null;
            tags.TryAdd(Ascii(entry, 0), ((int)offset, (int)size));
        }
        if (LookupTableTags.Any(tags.ContainsKey)) return null;

        double[]? Colorant(string tag, ReadOnlySpan<byte> data) =>
            tags.TryGetValue(tag, out var t) && t.Size >= 20 && Ascii(data, t.Offset) == "XYZ "
                ? [S15(data, t.Offset + 8), S15(data, t.Offset + 12), S15(data, t.Offset + 16)]
                : null;
        var r = Colorant("rXYZ", icc);
        var g = Colorant("gXYZ", icc);
        var b = Colorant("bXYZ", icc);
        if (r is null || g is null || b is null) return null;

        var red = Curve(icc, tags, "rTRC");
        var green = Curve(icc, tags, "gTRC");
        var blue = Curve(icc, tags, "bTRC");
        if (red is null || green is null || blue is null) return null;
        // A curve that does not start at black would bring black point compensation into play.
        if (new[] { red, green, blue }.Any(c => Math.Abs(c(0)) > 1e-6 || c(1) < 0.5)) return null;

        double[] matrix = [r[0], g[0], b[0], r[1], g[1], b[1], r[2], g[2], b[2]];
        return matrix.All(double.IsFinite) ? new MatrixTrcProfile(matrix, red, green, blue) : null;
    }

    private static Func<double, double>? Curve(ReadOnlySpan<byte> icc, Dictionary<string, (int Offset, int Size)> tags, string tag)
    {
        if (!tags.TryGetValue(tag, out var t)) return null;
        var data = icc.Slice(t.Offset, t.Size);
        switch (Ascii(data, 0))
        {
            case "curv":
            {
                if (data.Length < 12) return null;
                var count = BinaryPrimitives.ReadUInt32BigEndian(data[8..]);
                if (count == 0) return x => x;
                if (count == 1)
                {
                    if (data.Length < 14) return null;
                    var gamma = BinaryPrimitives.ReadUInt16BigEndian(data[12..]) / 256.0;
                    return gamma <= 0 ? null : x => Math.Pow(x, gamma);
                }
                if (count > 65536 || data.Length < 12 + 2 * count) return null;
                var table = new double[count];
                for (var i = 0; i < count; i++) table[i] = BinaryPrimitives.ReadUInt16BigEndian(data[(12 + 2 * i)..]) / 65535.0;
                for (var i = 1; i < count; i++)
                {
                    if (table[i] < table[i - 1]) return null; // LittleCMS treats non-monotonic curves specially
                }
                return x =>
                {
                    var position = Math.Clamp(x, 0, 1) * (table.Length - 1);
                    var low = (int)Math.Floor(position);
                    if (low >= table.Length - 1) return table[^1];
                    var fraction = position - low;
                    return table[low] + (table[low + 1] - table[low]) * fraction;
                };
            }
            case "para":
            {
                if (data.Length < 12) return null;
                var type = BinaryPrimitives.ReadUInt16BigEndian(data[8..]);
                int[] counts = [1, 3, 4, 5, 7];
                if (type >= counts.Length || data.Length < 12 + 4 * counts[type]) return null;
                var p = new double[7];
                for (var i = 0; i < counts[type]; i++) p[i] = S15(data, 12 + 4 * i);
                double g = p[0], a = p[1], b = p[2], c = p[3], d = p[4], e = p[5], f = p[6];
                Func<double, double> curve = type switch
                {
                    0 => x => Math.Pow(x, g),
                    1 => x => x >= -b / a ? Math.Pow(a * x + b, g) : 0,
                    2 => x => x >= -b / a ? Math.Pow(a * x + b, g) + c : c,
                    3 => x => x >= d ? Math.Pow(a * x + b, g) : c * x,
                    _ => x => x >= d ? Math.Pow(a * x + b, g) + e : c * x + f,
                };
                return x => Math.Clamp(curve(x), 0, 1);
            }
            default:
                return null;
        }
    }

    private static string Ascii(ReadOnlySpan<byte> data, int at) =>
        at + 4 <= data.Length ? System.Text.Encoding.ASCII.GetString(data.Slice(at, 4)) : "";

    private static double S15(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt32BigEndian(data[at..]) / 65536.0;
}
