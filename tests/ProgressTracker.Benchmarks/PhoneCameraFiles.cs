using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using OpenCvSharp;
using ProgressTracker.Imaging;
using ProgressTracker.Imaging.Evaluation.Heif;
using ProgressTracker.Imaging.Synthetic;

namespace ProgressTracker.Benchmarks;

/// <summary>One benchmark input on disk.</summary>
public sealed record BenchFile(string Path, string Kind, string Description)
{
    public string Name => System.IO.Path.GetFileName(Path);

    public bool IsHeic => Kind == "heic";
}

/// <summary>
/// Files the way phones write them: 12-megapixel (4032 × 3024 sensor) JPEGs at q92 with sensor-like noise
/// (≈3 MB, like a real phone JPEG; a clean render would compress to a tenth and flatter every figure), an EXIF
/// block (orientation, capture time, camera, GPS), portrait shots stored sideways with orientation 6 or 8, one
/// tagged Display P3 like every iPhone JPEG; and HEICs made by libheif's heif-enc (x265) from the same pixels:
/// single-frame ones as heif-enc writes them, and two laid out as an iPhone writes them (a grid of 512 × 512
/// tiles; a portrait stored landscape with an 'irot' rotation, a Display P3 profile and an Exif item).
/// The set is written once to a cache folder and reused (heif-enc needs several seconds per photo).
/// </summary>
public static class PhoneCameraFiles
{
    // Bump when the recipe below changes, so an old cache is not reused.
    private const string Recipe = "v2";

    public static (List<BenchFile> Files, string? HeicProblem) Build()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pt-ingest-sharp-{Recipe}");
        Directory.CreateDirectory(folder);
        var p3 = DisplayP3Profile.Build();

        var files = new List<BenchFile>
        {
            Jpeg(folder, "jpeg-o1-landscape.jpg", seed: 11, orientation: 1, icc: null, "landscape, orientation 1"),
            Jpeg(folder, "jpeg-o3-upside-down.jpg", seed: 12, orientation: 3, icc: null, "landscape stored upside down, orientation 3"),
            Jpeg(folder, "jpeg-o6-portrait.jpg", seed: 13, orientation: 6, icc: null, "portrait stored sideways, orientation 6"),
            Jpeg(folder, "jpeg-o8-portrait.jpg", seed: 14, orientation: 8, icc: null, "portrait stored sideways, orientation 8"),
            Jpeg(folder, "jpeg-o6-portrait-p3.jpg", seed: 15, orientation: 6, icc: p3, "portrait, orientation 6, Display P3 profile (iPhone-like)"),
        };

        string? heicProblem = null;
        foreach (var (name, make, description) in new (string, Func<string, string?>, string)[]
        {
            ("heic-landscape.heic", path => MakeHeic(path, 21, portrait: false, icc: null), "landscape, no profile"),
            ("heic-portrait.heic", path => MakeHeic(path, 22, portrait: true, icc: null), "portrait (3024 × 4032), no profile"),
            ("heic-portrait-p3.heic", path => MakeHeic(path, 23, portrait: true, p3), "portrait, Display P3 profile (iPhone-like)"),
            ("heic-grid-landscape.heic", path => MakeGridHeic(path, 24, portrait: false, icc: null),
                "landscape, 512×512 tile grid (iPhone layout)"),
            ("heic-grid-portrait-p3.heic", path => MakeGridHeic(path, 25, portrait: true, p3),
                "portrait stored landscape + irot, Display P3 profile, 512×512 tile grid (iPhone layout)"),
        })
        {
            if (heicProblem is not null) break;
            var path = Path.Combine(folder, name);
            if (!File.Exists(path)) heicProblem = make(path);
            if (heicProblem is null) files.Add(new BenchFile(path, "heic", description));
        }
        return (files, heicProblem);
    }

    /// <summary>A 12 MP phone-like JPEG (noisy body, upright, no metadata) at the given quality, in memory.</summary>
    public static byte[] NoisyJpeg(int seed, int quality)
    {
        using var upright = NoisyBody(seed, portrait: true);
        return upright.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
    }

    private static BenchFile Jpeg(string folder, string name, int seed, int orientation, byte[]? icc, string description)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            var portrait = orientation is 6 or 8;
            using var upright = NoisyBody(seed, portrait);
            using var stored = StoredFor(upright, orientation);
            var jpeg = stored.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 92));
            var segments = new List<byte[]> { Segment(0xE1, Exif(orientation)) };
            if (icc is not null) segments.Add(Segment(0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, .. icc]));
            WriteAtomically(path, Insert(jpeg, segments));
        }
        return new BenchFile(path, "jpeg", description);
    }

    /// <summary>Null when the HEIC was written, otherwise why not.</summary>
    private static string? MakeHeic(string path, int seed, bool portrait, byte[]? icc)
    {
        var tool = FindOnPath("heif-enc");
        if (tool is null) return "heif-enc is not installed (Debian package libheif-examples)";

        // heif-enc copies the JPEG's EXIF and ICC profile into the HEIC. q95 input, so the HEVC encoder sees
        // almost exactly the noisy pixels.
        using var upright = NoisyBody(seed, portrait);
        var jpeg = upright.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 95));
        var segments = new List<byte[]> { Segment(0xE1, Exif(1)) };
        if (icc is not null) segments.Add(Segment(0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, .. icc]));
        var input = path + ".in.jpg";
        File.WriteAllBytes(input, Insert(jpeg, segments));
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
            // Quality 50 gives about 2 MB for these noisy 12-megapixel pictures, the size of an iPhone HEIC.
            foreach (var arg in new[] { "-q", "50", "-o", path + ".tmp", input }) start.ArgumentList.Add(arg);
            Console.WriteLine($"  making {Path.GetFileName(path)} with heif-enc (takes several seconds) …");
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill();
                return "heif-enc did not finish within 3 minutes";
            }
            if (process.ExitCode != 0 || !File.Exists(path + ".tmp"))
                return $"heif-enc could not encode here (exit {process.ExitCode}): {stderr.Result.Trim()}";
            File.Move(path + ".tmp", path, overwrite: true);
            return null;
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>
    /// A HEIC as an iPhone lays it out: 512 × 512 HEVC tiles under a 'grid' item (8 × 6 for 12 MP), each encoded
    /// by heif-enc at the same quality as <see cref="MakeHeic"/>. A portrait is stored as the sensor delivers it,
    /// landscape, with irot 270° (90° clockwise) and EXIF orientation 6, as iPhones write both. Null when the HEIC
    /// was written, otherwise why not.
    /// </summary>
    private static string? MakeGridHeic(string path, int seed, bool portrait, byte[]? icc)
    {
        using var upright = NoisyBody(seed, portrait);
        var orientation = portrait ? 6 : 1;
        using var stored = StoredFor(upright, orientation);
        var options = new HeifGridOptions
        {
            Quality = 50,
            IccProfile = icc,
            RotationDegrees = portrait ? 270 : 0,
            Exif = Exif(orientation),
        };
        Console.WriteLine($"  making {Path.GetFileName(path)}: {stored.Width} × {stored.Height} in 512 × 512 tiles with heif-enc …");
        try
        {
            WriteAtomically(path, HeifGridWriter.Write(stored, options));
            return null;
        }
        catch (HeifEncMissingException)
        {
            return "heif-enc is not installed (Debian package libheif-examples)";
        }
        catch (Exception e) when (e is InvalidOperationException or AggregateException or InvalidDataException)
        {
            return $"heif-enc could not encode a grid tile here: {e.GetBaseException().Message}";
        }
    }

    /// <summary>A synthetic body photo with Gaussian noise (σ 6 levels), upright.</summary>
    private static Mat NoisyBody(int seed, bool portrait)
    {
        var (w, h) = portrait ? (3024, 4032) : (4032, 3024);
        using var image = SyntheticBody.Render(new SyntheticBodyOptions(Width: w, Height: h, View: "left-lateral", Seed: seed));
        using var noise = new Mat(image.Size(), MatType.CV_16SC3);
        new RNG((ulong)seed).Fill(noise, DistributionType.Normal, Scalar.All(0), Scalar.All(6));
        using var wide = new Mat();
        image.ConvertTo(wide, MatType.CV_16SC3);
        using var sum = new Mat();
        Cv2.Add(wide, noise, sum);
        var noisy = new Mat();
        sum.ConvertTo(noisy, MatType.CV_8UC3); // saturates to 0..255
        return noisy;
    }

    /// <summary>The stored pixels for an orientation: the inverse of what a viewer does when it honours the tag.</summary>
    private static Mat StoredFor(Mat upright, int orientation)
    {
        var stored = new Mat();
        switch (orientation)
        {
            case 1: upright.CopyTo(stored); break;
            case 3: Cv2.Rotate(upright, stored, RotateFlags.Rotate180); break;
            case 6: Cv2.Rotate(upright, stored, RotateFlags.Rotate90Counterclockwise); break;
            case 8: Cv2.Rotate(upright, stored, RotateFlags.Rotate90Clockwise); break;
            default: throw new ArgumentOutOfRangeException(nameof(orientation));
        }
        return stored;
    }

    /// <summary>
    /// A big-endian EXIF block like a phone's: IFD0 with Make, Model, Orientation and pointers to the EXIF and
    /// GPS IFDs; the EXIF IFD with DateTimeOriginal and OffsetTimeOriginal; the GPS IFD with a position.
    /// </summary>
    private static byte[] Exif(int orientation)
    {
        var tiff = new TiffWriter();
        var ifd0 = tiff.Ifd();
        ifd0.Ascii(0x010F, "BenchPhone");              // Make
        ifd0.Ascii(0x0110, "BenchPhone 12");           // Model
        ifd0.Short(0x0112, (ushort)orientation);       // Orientation
        var exifPointer = ifd0.Pointer(0x8769);
        var gpsPointer = ifd0.Pointer(0x8825);
        var exif = tiff.Ifd();
        exif.Ascii(0x9003, "2026:03:12 10:15:00");     // DateTimeOriginal
        exif.Ascii(0x9011, "+01:00");                  // OffsetTimeOriginal
        var gps = tiff.Ifd();
        gps.Ascii(0x0001, "N");
        gps.Rationals(0x0002, [(52, 1), (22, 1), (1234, 100)]);
        gps.Ascii(0x0003, "E");
        gps.Rationals(0x0004, [(4, 1), (53, 1), (5678, 100)]);
        return [.. "Exif\0\0"u8, .. tiff.Write(ifd0, (exifPointer, exif), (gpsPointer, gps))];
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), checked((ushort)(payload.Length + 2)));
        payload.CopyTo(segment, 4);
        return segment;
    }

    /// <summary>SOI, our segments, then everything the encoder wrote after its SOI.</summary>
    private static byte[] Insert(byte[] jpeg, List<byte[]> segments) => [.. jpeg[..2], .. segments.SelectMany(s => s), .. jpeg[2..]];

    private static void WriteAtomically(string path, byte[] bytes)
    {
        File.WriteAllBytes(path + ".tmp", bytes);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    internal static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    /// <summary>Just enough of a TIFF writer for EXIF: IFDs of ASCII, SHORT, RATIONAL and LONG pointer entries.</summary>
    private sealed class TiffWriter
    {
        public Ifd Ifd() => new();

        public byte[] Write(Ifd root, params (int Entry, Ifd Child)[] children)
        {
            // Layout: header, then each IFD followed by its out-of-line values.
            var order = new List<Ifd> { root };
            order.AddRange(children.Select(c => c.Child));
            var offsets = new Dictionary<Ifd, int>();
            var at = 8;
            foreach (var ifd in order)
            {
                offsets[ifd] = at;
                at += ifd.Size;
            }
            foreach (var (entry, child) in children) root.SetPointer(entry, offsets[child]);

            var output = new byte[at];
            "MM\0*"u8.CopyTo(output);
            BinaryPrimitives.WriteInt32BigEndian(output.AsSpan(4), 8);
            foreach (var ifd in order) ifd.WriteTo(output, offsets[ifd]);
            return output;
        }
    }

    private sealed class Ifd
    {
        private readonly List<(ushort Tag, ushort Type, int Count, byte[] Value)> _entries = [];

        public int Size => 2 + 12 * _entries.Count + 4 + _entries.Sum(e => e.Value.Length > 4 ? Pad(e.Value.Length) : 0);

        public void Ascii(ushort tag, string text)
        {
            var bytes = Encoding.ASCII.GetBytes(text + "\0");
            _entries.Add((tag, 2, bytes.Length, bytes));
        }

        public void Short(ushort tag, ushort value)
        {
            var bytes = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
            _entries.Add((tag, 3, 1, bytes));
        }

        public void Rationals(ushort tag, (uint Numerator, uint Denominator)[] values)
        {
            var bytes = new byte[8 * values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8 * i), values[i].Numerator);
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8 * i + 4), values[i].Denominator);
            }
            _entries.Add((tag, 5, values.Length, bytes));
        }

        /// <summary>A LONG entry pointing at another IFD, filled in when the layout is known.</summary>
        public int Pointer(ushort tag)
        {
            _entries.Add((tag, 4, 1, new byte[4]));
            return _entries.Count - 1;
        }

        public void SetPointer(int index, int offset) => BinaryPrimitives.WriteInt32BigEndian(_entries[index].Value, offset);

        public void WriteTo(byte[] output, int at)
        {
            var entries = _entries.OrderBy(e => e.Tag).ToList();
            BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(at), (ushort)entries.Count);
            var data = at + 2 + 12 * entries.Count + 4;
            for (var i = 0; i < entries.Count; i++)
            {
                var (tag, type, count, value) = entries[i];
                var entry = at + 2 + 12 * i;
                BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(entry), tag);
                BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(entry + 2), type);
                BinaryPrimitives.WriteInt32BigEndian(output.AsSpan(entry + 4), count);
                if (value.Length <= 4)
                {
                    value.CopyTo(output, entry + 8);
                }
                else
                {
                    BinaryPrimitives.WriteInt32BigEndian(output.AsSpan(entry + 8), data);
                    value.CopyTo(output, data);
                    data += Pad(value.Length);
                }
            }
            BinaryPrimitives.WriteInt32BigEndian(output.AsSpan(at + 2 + 12 * entries.Count), 0); // no next IFD
        }

        private static int Pad(int length) => (length + 1) & ~1;
    }
}

/// <summary>
/// An ICC v4 profile that reads like Apple's "Display P3": P3 primaries with a D65 white, adapted to the D50
/// connection space (Bradford), and the sRGB transfer curve as a parametric curve. Magick.NET has no P3 profile.
/// </summary>
public static class DisplayP3Profile
{
    public static byte[] Build()
    {
        var curve = Para(3, 2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045);
        var tags = new List<(string Signature, byte[] Data)>
        {
            ("desc", Mluc("Display P3")),
            ("cprt", Mluc("No copyright, use freely")),
            ("wtpt", Xyz(0.964203, 1.0, 0.824905)),
            ("rXYZ", Xyz(0.515121, 0.241196, -0.001053)),
            ("gXYZ", Xyz(0.291977, 0.692245, 0.041885)),
            ("bXYZ", Xyz(0.157104, 0.066574, 0.784073)),
            ("rTRC", curve), ("gTRC", curve), ("bTRC", curve),
        };
        var table = 132 + 12 * tags.Count;
        var body = new List<byte>();
        var entries = new List<(string, int, int)>();
        var placed = new Dictionary<byte[], int>(ReferenceEqualityComparer.Instance);
        foreach (var (signature, data) in tags)
        {
            if (!placed.TryGetValue(data, out var at))
            {
                while ((table + body.Count) % 4 != 0) body.Add(0);
                at = table + body.Count;
                placed[data] = at;
                body.AddRange(data);
            }
            entries.Add((signature, at, data.Length));
        }
        var profile = new byte[table + body.Count];
        BinaryPrimitives.WriteInt32BigEndian(profile, profile.Length);
        BinaryPrimitives.WriteInt32BigEndian(profile.AsSpan(8), 0x04300000);
        Encoding.ASCII.GetBytes("mntrRGB XYZ ").CopyTo(profile, 12);
        Encoding.ASCII.GetBytes("acsp").CopyTo(profile, 36);
        WriteS15(profile, 68, 0.9642);
        WriteS15(profile, 72, 1.0);
        WriteS15(profile, 76, 0.8249);
        BinaryPrimitives.WriteInt32BigEndian(profile.AsSpan(128), tags.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var (signature, at, length) = entries[i];
            Encoding.ASCII.GetBytes(signature).CopyTo(profile, 132 + 12 * i);
            BinaryPrimitives.WriteInt32BigEndian(profile.AsSpan(136 + 12 * i), at);
            BinaryPrimitives.WriteInt32BigEndian(profile.AsSpan(140 + 12 * i), length);
        }
        body.CopyTo(profile, table);
        return profile;
    }

    private static byte[] Para(ushort type, params double[] parameters)
    {
        var data = new byte[12 + 4 * parameters.Length];
        Encoding.ASCII.GetBytes("para").CopyTo(data, 0);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(8), type);
        for (var i = 0; i < parameters.Length; i++) WriteS15(data, 12 + 4 * i, parameters[i]);
        return data;
    }

    private static byte[] Xyz(double x, double y, double z)
    {
        var data = new byte[20];
        Encoding.ASCII.GetBytes("XYZ ").CopyTo(data, 0);
        WriteS15(data, 8, x);
        WriteS15(data, 12, y);
        WriteS15(data, 16, z);
        return data;
    }

    private static byte[] Mluc(string text)
    {
        var utf16 = Encoding.BigEndianUnicode.GetBytes(text);
        var data = new byte[28 + utf16.Length];
        Encoding.ASCII.GetBytes("mluc").CopyTo(data, 0);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(8), 1);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(12), 12);
        Encoding.ASCII.GetBytes("enUS").CopyTo(data, 16);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(20), utf16.Length);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(24), 28);
        utf16.CopyTo(data, 28);
        return data;
    }

    private static void WriteS15(byte[] data, int at, double value) =>
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(at), (int)Math.Round(value * 65536));
}
