using System.Buffers.Binary;

namespace ProgressTracker.Imaging.Normalization;

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
