using System.Diagnostics;
using ImageMagick;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests;

public class PhotoNormalizerFailureTests
{
    public static TheoryData<string, byte[]> CorruptFiles()
    {
        var png = TestImages.Png(64, 48);
        var badPixels = (byte[])png.Clone();
        var idat = png.AsSpan().IndexOf("IDAT"u8);
        TestImages.Noise(20).CopyTo(badPixels, idat + 4); // scrambles the zlib stream (and its CRC)

        var webp = TestImages.Encode(64, 48, MagickFormat.WebP);
        var tiff = TestImages.Encode(64, 48, MagickFormat.Tiff);
        return new()
        {
            { "random bytes", TestImages.Noise(4000) },
            { "jpeg signature then noise", TestImages.Concat([0xFF, 0xD8, 0xFF], TestImages.Noise(4000)) },
            { "png with scrambled pixel data", badPixels },
            { "webp header then noise", TestImages.Concat(webp[..20], TestImages.Noise(webp.Length - 20)) },
            { "tiff header then noise", TestImages.Concat(tiff[..8], TestImages.Noise(400)) },
            { "truncated jpeg", TestImages.Jpeg(300, 200)[..900] },
            { "empty", [] },
            { "pdf", "%PDF-1.4\n"u8.ToArray() },
        };
    }

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public void Corrupt_input_fails_with_a_readable_decode_exception(string name, byte[] bytes)
    {
        var error = Record.Exception(() => PhotoNormalizer.Normalize(bytes, new ImageLimits()).Dispose());

        var decode = Assert.IsType<PhotoDecodeException>(error);
        Assert.False(string.IsNullOrWhiteSpace(decode.Message), name);
        Assert.EndsWith(".", decode.Message);
        Assert.DoesNotContain("@", decode.Message); // no ImageMagick source locations
    }

    [Fact]
    public void Scrambled_png_reports_corrupt_data()
    {
        var png = TestImages.Png(64, 48);
        var idat = png.AsSpan().IndexOf("IDAT"u8);
        TestImages.Noise(20).CopyTo(png, idat + 4);

        var error = Assert.Throws<PhotoDecodeException>(() => PhotoNormalizer.Normalize(png, new ImageLimits()));

        Assert.Equal("The image data is corrupt and could not be decoded.", error.Message);
        Assert.IsAssignableFrom<MagickException>(error.InnerException);
    }

    [Theory]
    [InlineData(30_000, 30_000)]
    [InlineData(60_000, 1_000_000)]
    public void Decompression_bomb_fails_fast_from_its_header(int width, int height)
    {
        var bomb = ForgedFiles.Png(width, height);
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<PhotoDecodeException>(() => PhotoNormalizer.Normalize(bomb, new ImageLimits()));

        Assert.Contains("megapixels", error.Message);
        Assert.True(clock.ElapsedMilliseconds < 1000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Forged_tiff_bomb_fails_fast()
    {
        var clock = Stopwatch.StartNew();

        Assert.Throws<PhotoDecodeException>(() => PhotoNormalizer.Normalize(ForgedFiles.Tiff(40_000, 40_000), new ImageLimits()));

        Assert.True(clock.ElapsedMilliseconds < 2000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Oversized_file_is_refused_before_decoding()
    {
        var jpeg = TestImages.Jpeg(256, 256);

        var error = Assert.Throws<PhotoDecodeException>(() => PhotoNormalizer.Normalize(jpeg, new ImageLimits(MaxBytes: 1000)));

        Assert.EndsWith("the limit is 1000 bytes.", error.Message);
    }

    [Fact]
    public void Cancellation_is_honoured_and_not_wrapped()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => PhotoNormalizer.Normalize(TestImages.Jpeg(), new ImageLimits(), cancelled.Token));
    }
}
