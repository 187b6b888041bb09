using System.Buffers.Binary;
using System.Text;
using ImageMagick;
using OpenCvSharp;
using ProgressTracker.Imaging.Normalization;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests;

/// <summary>
/// JPEGs are decoded by libjpeg-turbo through OpenCV, with the colour conversion and orientation done on the
/// matrix; everything else by ImageMagick. These tests hold the fast route to the ImageMagick route's result,
/// pixel for pixel within a level or two, and check which files each route takes.
/// </summary>
public class JpegRouteTests
{
    private static readonly ImageLimits Defaults = new();

    public static TheoryData<string> RgbProfiles() => new() { "Display P3", "Adobe RGB (1998)", "Apple RGB", "ColorMatch RGB", "gamma 1.8" };

    [Fact]
    public void Untagged_jpeg_matches_the_imagemagick_route()
    {
        var jpeg = PhotoJpeg(640, 480, profile: null);

        using var fast = PhotoNormalizer.Normalize(jpeg, Defaults);
        using var reference = MagickDecoder.Decode(jpeg, ImageFormatKind.Jpeg, Defaults, CancellationToken.None);

        Assert.True(MaxDifference(fast.Pixels, reference) <= 1, $"max difference {MaxDifference(fast.Pixels, reference)}");
    }

    [Theory]
    [MemberData(nameof(RgbProfiles))]
    public void Profile_tagged_jpeg_is_converted_like_imagemagick_converts_it(string profileName)
    {
        var jpeg = PhotoJpeg(640, 480, Profile(profileName));

        using var fast = PhotoNormalizer.Normalize(jpeg, Defaults);
        using var reference = MagickDecoder.Decode(jpeg, ImageFormatKind.Jpeg, Defaults, CancellationToken.None);
        using var unconverted = Cv2.ImDecode(jpeg, ImreadModes.Color);

        Assert.True(MaxDifference(fast.Pixels, reference) <= 2, $"{profileName}: max difference {MaxDifference(fast.Pixels, reference)}");
        Assert.True(MaxDifference(fast.Pixels, unconverted) >= 8, $"{profileName}: the colours were not converted at all");
    }

    [Theory]
    [MemberData(nameof(RgbProfiles))]
    public void Matrix_conversion_matches_littlecms_over_the_whole_colour_cube(string profileName)
    {
        var profile = Profile(profileName);
        using var cube = ColourCube(step: 5); // 52³ colours, every corner and edge of the cube included
        using var magick = new MagickImage();
        Cv2.ImEncode(".png", cube, out var png);
        magick.Read(png);
        magick.SetProfile(new ColorProfile(profile));
        magick.TransformColorSpace(new ColorProfile(profile), ColorProfiles.SRGB);
        using var expected = Cv2.ImDecode(magick.ToByteArray(MagickFormat.Png), ImreadModes.Color);

        var conversion = SrgbConversion.For(profile);
        Assert.NotNull(conversion);
        conversion.ApplyInPlace(cube);

        Assert.True(MaxDifference(cube, expected) <= 1, $"{profileName}: max difference {MaxDifference(cube, expected)}");
    }

    [Fact]
    public void Display_p3_red_comes_out_as_srgb_red_clipped_to_its_gamut()
    {
        // P3's pure red lies outside sRGB: it converts to a red that is clipped, not to the same numbers.
        using var image = new MagickImage(MagickColor.FromRgb(255, 0, 0), 16, 16);
        image.SetProfile(new ColorProfile(Profile("Display P3")));
        image.Quality = 100;

        using var photo = PhotoNormalizer.Normalize(image.ToByteArray(MagickFormat.Jpeg), Defaults);

        var (r, g, b) = Pixels.Rgb(photo.Pixels, 8, 8);
        Assert.True(r >= 250 && g < 20 && b < 20, $"expected clipped sRGB red, got ({r}, {g}, {b})");
    }

    [Fact]
    public void Lookup_table_profiles_and_cmyk_stay_with_imagemagick()
    {
        var lutProfile = WithExtraTag(Profile("Adobe RGB (1998)"), "A2B0");
        Assert.Null(SrgbConversion.For(lutProfile));
        Assert.NotNull(SrgbConversion.For(Profile("Adobe RGB (1998)")));
        Assert.Null(SrgbConversion.For(ColorProfiles.USWebCoatedSWOP.ToByteArray()!));
        Assert.Null(SrgbConversion.For(Encoding.ASCII.GetBytes("not a profile at all")));

        using var cmyk = new MagickImage(MagickColor.FromRgb(200, 40, 40), 8, 8);
        cmyk.ColorSpace = ColorSpace.CMYK;
        var header = JpegHeader.Read(cmyk.ToByteArray(MagickFormat.Jpeg));
        Assert.NotNull(header);
        Assert.Equal(4, header.Components);
        Assert.False(header.FitsFastDecode);
    }

    [Fact]
    public void Icc_profile_split_over_several_app2_chunks_is_reassembled()
    {
        var profile = Profile("Display P3");
        var single = PhotoJpeg(64, 48, profile);
        var split = SplitIcc(PhotoJpeg(64, 48, profile: null), profile, chunks: 3);

        Assert.Equal(profile, JpegHeader.Read(single)!.IccProfile);
        Assert.Equal(profile, JpegHeader.Read(split)!.IccProfile);
        using var a = PhotoNormalizer.Normalize(single, Defaults);
        using var b = PhotoNormalizer.Normalize(split, Defaults);
        Assert.Equal(0, MaxDifference(a.Pixels, b.Pixels));
    }

    [Theory]
    [InlineData(4032, 3024, 1280, 2016, 1512)]
    [InlineData(4032, 3024, 320, 504, 378)]
    [InlineData(4032, 3024, 2017, 4032, 3024)] // half would be 2016, one short
    [InlineData(800, 600, 1280, 800, 600)]      // small already
    public void Reduced_decode_keeps_the_long_edge_at_or_above_the_request(int width, int height, int minLongEdge, int expectedWidth, int expectedHeight)
    {
        using var source = new Mat(height, width, MatType.CV_8UC3, new Scalar(40, 120, 200));
        var jpeg = source.ImEncode(".jpg");

        using var photo = PhotoNormalizer.NormalizeAtLeast(jpeg, Defaults, minLongEdge);

        Assert.Equal((expectedWidth, expectedHeight), (photo.Width, photo.Height));
        Pixels.AssertNear((200, 120, 40), Pixels.Rgb(photo.Pixels, photo.Width / 2, photo.Height / 2), 3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(8)]
    public void Reduced_decode_is_upright_too(int orientation)
    {
        var bytes = OrientationImages.StoredWithOrientation(orientation);
        // The test card is 120 × 80; a request for 60 px decodes it at half size.
        using var photo = PhotoNormalizer.NormalizeAtLeast(bytes, Defaults, 60);

        Assert.Equal((60, 40), (photo.Width, photo.Height));
        Pixels.AssertNear((255, 0, 0), Pixels.Rgb(photo.Pixels, 10, 6), 40, "red top-left");
        Pixels.AssertNear((0, 0, 255), Pixels.Rgb(photo.Pixels, 50, 6), 40, "blue top-right");
        Pixels.AssertNear((0, 255, 0), Pixels.Rgb(photo.Pixels, 10, 33), 40, "green bottom-left");
    }

    [Fact]
    public void Reduced_decode_of_other_formats_is_full_size()
    {
        using var png = new MagickImage(MagickColor.FromRgb(10, 20, 30), 400, 300);

        using var photo = PhotoNormalizer.NormalizeAtLeast(png.ToByteArray(MagickFormat.Png), Defaults, 100);

        Assert.Equal((400, 300), (photo.Width, photo.Height));
    }

    // ---- helpers ----

    /// <summary>A noisy gradient with a few saturated patches, JPEG q95, optionally tagged with a profile.</summary>
    internal static byte[] PhotoJpeg(int width, int height, byte[]? profile)
    {
        using var mat = new Mat(height, width, MatType.CV_8UC3);
        var random = new Random(width * 7 + height);
        for (var y = 0; y < height; y++)
        {
            var row = mat.RowSpan<Vec3b>(y);
            for (var x = 0; x < width; x++)
            {
                var noise = random.Next(-6, 7);
                row[x] = new Vec3b((byte)Math.Clamp(40 + x * 180 / width + noise, 0, 255),
                (byte)Math.Clamp(90 + y * 120 / height + noise, 0, 255), (byte)Math.Clamp(200 - x * 150 / width + noise, 0, 255));
            }
        }
        Cv2.Rectangle(mat, new Rect(width / 10, height / 10, width / 8, height / 8), new Scalar(0, 0, 255), -1);
        Cv2.Rectangle(mat, new Rect(width / 2, height / 2, width / 8, height / 8), new Scalar(0, 255, 0), -1);
        Cv2.Rectangle(mat, new Rect(width * 3 / 4, height / 10, width / 8, height / 8), new Scalar(255, 40, 0), -1);
        var jpeg = mat.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 95));
        return profile is null ? jpeg : SplitIcc(jpeg, profile, chunks: 1);
    }

    internal static byte[] Profile(string name) => name switch
    {
        "Display P3" => IccMatrixProfile.DisplayP3(),
        "gamma 1.8" => IccMatrixProfile.Build("Wide gamut, gamma 1.8",
            [0.7161, 0.2587, 0.0000], [0.1009, 0.7247, 0.0517], [0.1472, 0.0166, 0.7734], IccMatrixProfile.Gamma(1.8)),
        "Adobe RGB (1998)" => ColorProfiles.AdobeRGB1998.ToByteArray()!,
        "Apple RGB" => ColorProfiles.AppleRGB.ToByteArray()!,
        "ColorMatch RGB" => ColorProfiles.ColorMatchRGB.ToByteArray()!,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Inserts the profile after SOI as <paramref name="chunks"/> APP2 ICC_PROFILE segments.</summary>
    private static byte[] SplitIcc(byte[] jpeg, byte[] profile, int chunks)
    {
        var output = new List<byte>(jpeg[..2]);
        var size = (profile.Length + chunks - 1) / chunks;
        for (var i = 0; i < chunks; i++)
        {
            var part = profile.Skip(i * size).Take(size).ToArray();
            var payload = "ICC_PROFILE\0"u8.ToArray().Concat(new[] { (byte)(i + 1), (byte)chunks }).Concat(part).ToArray();
            output.AddRange([0xFF, 0xE2, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2)]);
            output.AddRange(payload);
        }
        output.AddRange(jpeg[2..]);
        return [.. output];
    }

    /// <summary>Appends a tag-table entry (pointing at the profile's own header bytes) to make a profile look LUT-based.</summary>
    private static byte[] WithExtraTag(byte[] profile, string tag)
    {
        var count = BinaryPrimitives.ReadInt32BigEndian(profile.AsSpan(128));
        var output = new List<byte>(profile[..(132 + 12 * count)]);
        output.AddRange(Encoding.ASCII.GetBytes(tag));
        output.AddRange(new byte[] { 0, 0, 0, 0, 0, 0, 0, 32 }); // offset 0, size 32
        output.AddRange(profile[(132 + 12 * count)..]);
        var patched = output.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(patched.AsSpan(128), count + 1);
        // Every tag after the table moved by 12 bytes.
        for (var i = 0; i < count; i++)
        {
            var at = 132 + 12 * i + 4;
            BinaryPrimitives.WriteInt32BigEndian(patched.AsSpan(at), BinaryPrimitives.ReadInt32BigEndian(patched.AsSpan(at)) + 12);
        }
        BinaryPrimitives.WriteInt32BigEndian(patched, patched.Length);
        return patched;
    }

    private static Mat ColourCube(int step)
    {
        var levels = Enumerable.Range(0, 256 / step + 1).Select(v => Math.Min(255, v * step)).Distinct().ToArray();
        var n = levels.Length;
        var cube = new Mat(n * n, n, MatType.CV_8UC3);
        for (var r = 0; r < n; r++)
        for (var g = 0; g < n; g++)
        {
            var row = cube.RowSpan<Vec3b>(r * n + g);
            for (var b = 0; b < n; b++) row[b] = new Vec3b((byte)levels[b], (byte)levels[g], (byte)levels[r]);
        }
        return cube;
    }

    internal static double MaxDifference(Mat a, Mat b)
    {
        Assert.Equal(a.Size(), b.Size());
        using var diff = new Mat();
        Cv2.Absdiff(a, b, diff);
        Cv2.MinMaxLoc(diff.Reshape(1), out _, out double max);
        return max;
    }

    /// <summary>
    /// Writes small ICC v4 matrix/TRC profiles: Display P3 the way Apple's reads (P3 primaries adapted to D50, the
    /// sRGB curve as a parametric curve, description "Display P3"), and others from colorants and a curve.
    /// </summary>
    internal static class IccMatrixProfile
    {
        public static byte[] DisplayP3() => Build("Display P3",
            [0.515121, 0.241196, -0.001053], [0.291977, 0.692245, 0.041885], [0.157104, 0.066574, 0.784073], SrgbCurve());

        /// <summary>'para' type 3: the sRGB transfer function.</summary>
        public static byte[] SrgbCurve() => Para(3, 2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045);

        public static byte[] Gamma(double gamma) => Para(0, gamma);

        public static byte[] Build(string description, double[] red, double[] green, double[] blue, byte[] curve)
        {
            var tags = new List<(string Signature, byte[] Data)>
            {
                ("desc", Mluc(description)),
                ("cprt", Mluc("No copyright, use freely")),
                ("wtpt", Xyz(0.9642, 1.0, 0.8249)),
                ("rXYZ", Xyz(red[0], red[1], red[2])),
                ("gXYZ", Xyz(green[0], green[1], green[2])),
                ("bXYZ", Xyz(blue[0], blue[1], blue[2])),
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
}
