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
