using ImageMagick;
using OpenCvSharp;
using ProgressTracker.Imaging.Evaluation.Heif;
using ProgressTracker.Imaging.Tests.Support;
using Xunit.Abstractions;

namespace ProgressTracker.Imaging.Tests;

/// <summary>
/// HEICs laid out like an iPhone's: a 'grid' item over 512 × 512 HEVC tiles (edge tiles padded, the grid's output
/// size crops them), with the rotation, colour profile and Exif on the grid. Built by
/// <see cref="HeifGridWriter"/> from tiles heif-enc encodes one by one; the pictures are checked tile by tile, so a
/// tile in the wrong place fails. Not run alongside other tests: x265 starts a thread per core.
/// </summary>
[Collection(nameof(RunsAlone))]
public class HeicGridTests(HeicGridTests.EncodedPictures pictures, ITestOutputHelper output)
    : IClassFixture<HeicGridTests.EncodedPictures>
{
    private const int Tile = 512;
    private static readonly ImageLimits Defaults = new();

    [Fact]
    public void Twelve_megapixel_grid_of_8_by_6_tiles_decodes_whole_with_every_tile_in_place()
    {
        var (source, grid) = pictures.TwelveMegapixels;
        Assert.Equal((8, 6, 48), (grid.Columns, grid.Rows, grid.Tiles.Count));

        var heic = HeifGridWriter.Assemble(grid, new HeifGridOptions());
        Assert.Equal("heic", System.Text.Encoding.ASCII.GetString(heic, 8, 4));
        Assert.Equal(48, CountTileItems(heic));
        Assert.Equal(Enumerable.Range(2, 48), TileReferences(heic)); // row by row, as written

        using var decoded = MagickDecode(heic);
        Assert.Equal((4032, 3024), (decoded.Width, decoded.Height));
        var psnr = Cv2.PSNR(source, decoded);
        output.WriteLine($"{heic.Length} bytes, PSNR {psnr:F2} dB");
        Assert.True(psnr >= 30, $"PSNR {psnr:F1} dB");
        AssertEveryTileInPlace(source, decoded);
    }

    [Fact]
    public void Misplaced_tiles_are_caught_by_the_per_tile_check()
    {
        // The check the other tests rely on: two tiles swapped in the grid's order must show up as exactly those.
        var (source, grid) = pictures.Small;
        var swapped = grid.Tiles.ToArray();
        (swapped[0], swapped[1]) = (swapped[1], swapped[0]);
        var heic = HeifGridWriter.Assemble(grid with { Tiles = swapped }, new HeifGridOptions());

        using var decoded = MagickDecode(heic);
        var bad = TilePsnrs(source, decoded).Where(t => t.Psnr < 30).Select(t => (t.Column, t.Row)).ToList();
        Assert.Equal(new List<(int, int)> { (0, 0), (1, 0) }, bad);
    }

    [Fact]
    public void Partial_edge_tiles_are_cropped_to_the_output_size()
    {
        var (source, grid) = pictures.Small;
        Assert.Equal((2, 2), (grid.Columns, grid.Rows)); // 1000 × 700 = 512 + 488 by 512 + 188

        using var decoded = MagickDecode(HeifGridWriter.Assemble(grid, new HeifGridOptions()));
        using var photo = PhotoNormalizer.Normalize(HeifGridWriter.Assemble(grid, new HeifGridOptions()), Defaults);

        Assert.Equal((1000, 700), (decoded.Width, decoded.Height));
        AssertEveryTileInPlace(source, decoded);
        Assert.Equal((1000, 700), (photo.Width, photo.Height));
        Assert.Equal(ImageFormatKind.Heic, photo.SourceFormat);
        AssertEveryTileInPlace(source, photo.Pixels);
    }

    /// <summary>
    /// The grid stores the sensor's landscape pixels and 'irot' says how to turn them (anticlockwise), optionally
    /// with the matching EXIF orientation as iPhones write it. Either way the picture must be turned once.
    /// </summary>
    [Theory]
    [InlineData(90, null)]
    [InlineData(180, null)]
    [InlineData(270, null)]
    [InlineData(270, 6)] // an iPhone portrait: irot 270° anticlockwise = 90° clockwise, EXIF orientation 6
    [InlineData(90, 8)]
    [InlineData(180, 3)]
    public void Rotated_grid_is_normalised_upright_and_turned_once(int irotDegrees, int? exifOrientation)
    {
        var (stored, grid) = pictures.Small;
        var heic = HeifGridWriter.Assemble(grid, new HeifGridOptions
        {
            RotationDegrees = irotDegrees,
            Exif = exifOrientation is { } o ? PhoneExif(o) : null,
        });
        Assert.True(UploadInspector.Inspect(new MemoryStream(heic), Defaults).Accepted);

        using var photo = PhotoNormalizer.Normalize(heic, Defaults);

        using var upright = TurnAnticlockwise(stored, irotDegrees);
        using var twice = TurnAnticlockwise(upright, irotDegrees);
        var because = $"irot {irotDegrees}°{(exifOrientation is { } e ? $" + EXIF orientation {e}" : "")}";
        Assert.True((upright.Width, upright.Height) == (photo.Width, photo.Height),
            $"expected {upright.Width}×{upright.Height}, got {photo.Width}×{photo.Height} ({because})");
        var psnr = Cv2.PSNR(upright, photo.Pixels);
        output.WriteLine($"{because}: {photo.Width}×{photo.Height}, PSNR {psnr:F2} dB");
        Assert.True(psnr >= 30, $"PSNR {psnr:F1} dB against the upright picture ({because})");
        if (twice.Size() == photo.Pixels.Size())
        {
            var twicePsnr = Cv2.PSNR(twice, photo.Pixels);
            Assert.True(twicePsnr < 20, $"looks turned twice: PSNR {twicePsnr:F1} dB against that ({because})");
        }
        if (exifOrientation is not null) Assert.Equal(CaptureTime, photo.CapturedAt);
    }

    [Fact]
    public void Iphone_portrait_grid_is_normalised_to_3024_by_4032_upright()
    {
        // The 12 MP tiles again, as an iPhone stores a portrait shot: landscape pixels, irot 270°, EXIF orientation 6.
        var (stored, grid) = pictures.TwelveMegapixels;
        var heic = HeifGridWriter.Assemble(grid, new HeifGridOptions { RotationDegrees = 270, Exif = PhoneExif(6) });

        using var photo = PhotoNormalizer.Normalize(heic, Defaults);

        Assert.Equal((3024, 4032), (photo.Width, photo.Height));
        using var upright = TurnAnticlockwise(stored, 270);
        var psnr = Cv2.PSNR(upright, photo.Pixels);
        output.WriteLine($"{heic.Length} bytes, PSNR {psnr:F2} dB");
        Assert.True(psnr >= 30, $"PSNR {psnr:F1} dB against the upright picture");
        Assert.Equal(CaptureTime, photo.CapturedAt);
    }

    [Fact]
    public void Display_p3_profile_on_the_grid_is_converted_to_srgb()
    {
        var (source, grid) = pictures.Small;
        var p3 = JpegRouteTests.Profile("Display P3");
        var tagged = HeifGridWriter.Assemble(grid, new HeifGridOptions { IccProfile = p3 });
        var untagged = HeifGridWriter.Assemble(grid, new HeifGridOptions());

        using var converted = PhotoNormalizer.Normalize(tagged, Defaults);
        using var plain = PhotoNormalizer.Normalize(untagged, Defaults);

        // Reference: LittleCMS (through ImageMagick) converting the source pixels from the same profile.
        using var expected = ConvertWithLittleCms(source, p3);
        var psnr = Cv2.PSNR(expected, converted.Pixels);
        output.WriteLine($"PSNR {psnr:F2} dB against LittleCMS");
        Assert.True(psnr >= 30, $"PSNR {psnr:F1} dB against the source converted from Display P3");
        foreach (var (rect, _) in Patches(source.Width, source.Height))
        {
            var want = Mean(expected, rect);
            var got = Mean(converted.Pixels, rect);
            var unconverted = Mean(plain.Pixels, rect);
            var at = $"patch at ({rect.X}, {rect.Y})";
            output.WriteLine($"{at}: untagged {Bgr(unconverted)}, converted {Bgr(got)}, LittleCMS {Bgr(want)}");
            Assert.True(Distance(want, got) <= 4, $"{at}: expected {Bgr(want)}, got {Bgr(got)}");
            // The patch colours are saturated enough that the conversion visibly moves them.
            Assert.True(Distance(unconverted, got) >= 8, $"{at}: {Bgr(unconverted)} was not converted ({Bgr(got)})");
        }
    }

    private static readonly DateTimeOffset CaptureTime = new(2026, 3, 12, 10, 15, 0, TimeSpan.FromHours(1));

    /// <summary>An Exif block as Magick.NET writes it ("Exif\0\0" then little-endian TIFF), like a phone's.</summary>
    private static byte[] PhoneExif(int orientation)
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "GridPhone");
        exif.SetValue(ExifTag.Model, "GridPhone 12");
        exif.SetValue(ExifTag.Orientation, (ushort)orientation);
        exif.SetValue(ExifTag.DateTimeOriginal, "2026:03:12 10:15:00");
        exif.SetValue(ExifTag.OffsetTimeOriginal, "+01:00");
        return exif.ToByteArray() ?? throw new InvalidOperationException("No Exif bytes.");
    }

    /// <summary>The grid's 'hvc1' items: every tile is its own hidden image item.</summary>
    private static int CountTileItems(byte[] heic)
    {
        var iinf = IsoBmff.Find(heic, "meta", "iinf");
        var infes = IsoBmff.Children(heic, iinf.Body + 6, iinf.End); // version/flags, 16-bit entry count
        return infes.Count(b => b.Type == "infe" &&
                                System.Text.Encoding.ASCII.GetString(heic, b.Body + 8, 4) == "hvc1" &&
                                (heic[b.Body + 3] & 1) == 1);
    }

    /// <summary>The tile item ids in the grid's 'dimg' reference, in order.</summary>
    private static List<int> TileReferences(byte[] heic)
    {
        var iref = IsoBmff.Find(heic, "meta", "iref");
        var dimg = IsoBmff.Children(heic, iref.Body + 4, iref.End).Single(b => b.Type == "dimg");
        var count = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(heic.AsSpan(dimg.Body + 2));
        return Enumerable.Range(0, count)
            .Select(i => (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(heic.AsSpan(dimg.Body + 4 + 2 * i)))
            .ToList();
    }

    /// <summary>The file as ImageMagick/libheif decode it, raw: no colour conversion, no turning by us.</summary>
    private static Mat MagickDecode(byte[] heic)
    {
        using var image = new MagickImage(heic);
        var bgr = image.GetPixels().ToByteArray(PixelMapping.BGR) ?? throw new InvalidOperationException("No pixels.");
        using var wrapped = Mat.FromPixelData((int)image.Height, (int)image.Width, MatType.CV_8UC3, bgr);
        return wrapped.Clone();
    }

    private void AssertEveryTileInPlace(Mat expected, Mat actual)
    {
        Assert.Equal(expected.Size(), actual.Size());
        var tiles = TilePsnrs(expected, actual);
        var worst = tiles.MinBy(t => t.Psnr);
        output.WriteLine($"per-tile PSNR {worst.Psnr:F2} to {tiles.Max(t => t.Psnr):F2} dB");
        Assert.True(worst.Psnr >= 30, $"tile ({worst.Column}, {worst.Row}) has PSNR {worst.Psnr:F1} dB; " +
                                      $"below 30: {string.Join(", ", tiles.Where(t => t.Psnr < 30).Select(t => $"({t.Column}, {t.Row})"))}");
    }

    /// <summary>PSNR per 512 × 512 tile area (cropped at the edges), row by row.</summary>
    private static List<(int Column, int Row, double Psnr)> TilePsnrs(Mat expected, Mat actual)
    {
        var result = new List<(int, int, double)>();
        var (width, height) = (expected.Width, expected.Height);
        for (var y = 0; y < height; y += Tile)
        for (var x = 0; x < width; x += Tile)
        {
            var rect = new Rect(x, y, Math.Min(Tile, width - x), Math.Min(Tile, height - y));
            using var a = new Mat(expected, rect);
            using var b = new Mat(actual, rect);
            result.Add((x / Tile, y / Tile, Cv2.PSNR(a, b)));
        }
        return result;
    }

    private static Mat TurnAnticlockwise(Mat image, int degrees)
    {
        var turned = new Mat();
        switch (degrees)
        {
            case 90: Cv2.Rotate(image, turned, RotateFlags.Rotate90Counterclockwise); break;
            case 180: Cv2.Rotate(image, turned, RotateFlags.Rotate180); break;
            case 270: Cv2.Rotate(image, turned, RotateFlags.Rotate90Clockwise); break;
            default: image.CopyTo(turned); break;
        }
        return turned;
    }

    private static Mat ConvertWithLittleCms(Mat bgr, byte[] profile)
    {
        using var image = new MagickImage(bgr.ImEncode(".png"));
        image.SetProfile(new ColorProfile(profile));
        image.TransformColorSpace(new ColorProfile(profile), ColorProfiles.SRGB);
        return Cv2.ImDecode(image.ToByteArray(MagickFormat.Png), ImreadModes.Color);
    }

    /// <summary>The mean colour inside the patch, away from its edges (where 4:2:0 chroma bleeds).</summary>
    private static Scalar Mean(Mat image, Rect rect)
    {
        using var patch = new Mat(image, new Rect(rect.X + 8, rect.Y + 8, rect.Width - 16, rect.Height - 16));
        return Cv2.Mean(patch);
    }

    private static string Bgr(Scalar s) => $"BGR ({s.Val0:F0}, {s.Val1:F0}, {s.Val2:F0})";

    private static double Distance(Scalar a, Scalar b) =>
        Math.Max(Math.Abs(a.Val0 - b.Val0), Math.Max(Math.Abs(a.Val1 - b.Val1), Math.Abs(a.Val2 - b.Val2)));

    /// <summary>
    /// Saturated colour patches (BGR) along the bottom, for the colour test: a red, a green, a yellow, an orange, a
    /// teal and a purple, each of which Display P3 → sRGB moves by at least 8 levels in some channel (several clip
    /// to 0 in one, as saturated P3 colours do). A blue would barely move: the two spaces share nearly one blue.
    /// </summary>
    private static List<(Rect Rect, Scalar Colour)> Patches(int width, int height)
    {
        Scalar[] colours =
        [
            new(60, 50, 190), new(70, 170, 60), new(40, 200, 200),
            new(40, 140, 220), new(150, 150, 40), new(160, 60, 140),
        ];
        var size = Math.Min(width, height) / 10;
        return colours.Select((c, i) => (new Rect(size / 2 + i * (size * 3 / 2), height - size * 3 / 2, size, size), c)).ToList();
    }

    /// <summary>
    /// A test picture in which no two tiles look alike: a gradient in every channel, circles, lines and labels that
    /// cross tile seams, the colour patches, slightly softened, and mild noise (σ 3 levels) like a camera's.
    /// </summary>
    internal static Mat Picture(int width, int height, int seed)
    {
        var picture = new Mat(height, width, MatType.CV_8UC3);
        for (var y = 0; y < height; y++)
        {
            var row = picture.RowSpan<Vec3b>(y);
            for (var x = 0; x < width; x++)
            {
                row[x] = new Vec3b((byte)(x * 255 / (width - 1)), (byte)(y * 255 / (height - 1)),
                    (byte)(128 + 100 * Math.Sin((x + 2 * y) * 0.01)));
            }
        }
        var random = new Random(seed);
        var scale = Math.Max(width, height) / 1000.0;
        for (var i = 0; i < 30; i++)
        {
            var colour = new Scalar(random.Next(256), random.Next(256), random.Next(256));
            var centre = new Point(random.Next(width), random.Next(height));
            Cv2.Circle(picture, centre, (int)(random.Next(20, 150) * scale), colour, random.Next(2) == 0 ? -1 : (int)(6 * scale));
            Cv2.Line(picture, new Point(random.Next(width), random.Next(height)), centre, colour, (int)(4 * scale) + 1);
        }
        for (var y = 0; y < height; y += Tile / 2)
        for (var x = 0; x < width; x += Tile / 2)
            Cv2.PutText(picture, $"{x},{y}", new Point(x + 20, y + 60), HersheyFonts.HersheySimplex, 1.5, Scalar.Black, 3);
        foreach (var (rect, colour) in Patches(width, height)) Cv2.Rectangle(picture, rect, colour, -1);
        // Softened as a lens would: hard one-pixel colour edges are what 4:2:0 chroma loses most, and no camera
        // delivers them (unsoftened, x265 at q50 stays near 28 dB on this picture however the tiles are laid).
        Cv2.GaussianBlur(picture, picture, new Size(0, 0), 1.5);

        using var noise = new Mat(picture.Size(), MatType.CV_16SC3);
        new RNG((ulong)seed).Fill(noise, DistributionType.Normal, Scalar.All(0), Scalar.All(3));
        using var wide = new Mat();
        picture.ConvertTo(wide, MatType.CV_16SC3);
        Cv2.Add(wide, noise, wide);
        wide.ConvertTo(picture, MatType.CV_8UC3);
        return picture;
    }

    /// <summary>
    /// The pictures and their tiles, encoded once for the class (heif-enc takes a few seconds for 48 tiles); the
    /// tests assemble them with different grid-level properties.
    /// </summary>
    public sealed class EncodedPictures : IDisposable
    {
        private readonly Lazy<(Mat, EncodedGrid)> _twelveMegapixels = new(() => Encode(4032, 3024, seed: 1));
        private readonly Lazy<(Mat, EncodedGrid)> _small = new(() => Encode(1000, 700, seed: 2));

        public (Mat Source, EncodedGrid Grid) TwelveMegapixels => _twelveMegapixels.Value;

        public (Mat Source, EncodedGrid Grid) Small => _small.Value;

        private static (Mat, EncodedGrid) Encode(int width, int height, int seed)
        {
            var picture = Picture(width, height, seed);
            try
            {
                return (picture, HeifGridWriter.EncodeTiles(picture, new HeifGridOptions { TileSize = Tile, Quality = 50 }));
            }
            catch (HeifEncMissingException)
            {
                picture.Dispose();
                throw new Xunit.Sdk.XunitException(HeifEnc.Missing);
            }
        }

        public void Dispose()
        {
            if (_twelveMegapixels.IsValueCreated) _twelveMegapixels.Value.Item1.Dispose();
            if (_small.IsValueCreated) _small.Value.Item1.Dispose();
        }
    }
}
