using ProgressTracker.Imaging.Inspection;

namespace ProgressTracker.Imaging.Tests;

public class RejectionMessageTests
{
    private const long MB = 1024 * 1024;

    [Theory]
    [InlineData(62 * MB + 300_000, 50 * MB, "This file is 62 MB; the limit is 50 MB.")]
    [InlineData(50 * MB + 200_000, 50 * MB, "This file is 50.2 MB; the limit is 50 MB.")]
    [InlineData(50 * MB + 1, 50 * MB, "This file is 52,428,801 bytes; the limit is 50 MB.")]
    [InlineData(5_000, 1024, "This file is 5 KB; the limit is 1 KB.")]
    [InlineData(1_300, 1024, "This file is 1.3 KB; the limit is 1 KB.")]
    [InlineData(600, 500, "This file is 600 bytes; the limit is 500 bytes.")]
    public void Byte_limit_messages_read_naturally(long bytes, long limit, string expected) =>
        Assert.Equal(expected, RejectionMessages.TooManyBytes(bytes, limit));

    [Theory]
    [InlineData(20_000, 20_000, 100_000_000, "(400 megapixels); the limit is 100 megapixels.")]
    [InlineData(10_020, 10_000, 100_000_000, "(100.2 megapixels); the limit is 100 megapixels.")]
    [InlineData(4_032, 3_024, 12_000_000, "(12.2 megapixels); the limit is 12 megapixels.")]
    public void Pixel_limit_messages_name_the_size_and_the_limit(long width, long height, long limit, string expectedTail)
    {
        var message = RejectionMessages.TooManyPixels(width, height, limit);

        Assert.StartsWith($"This image is {width} × {height} pixels ", message);
        Assert.Contains(expectedTail, message);
    }

    [Theory]
    [InlineData(ImageFormatKind.Jpeg, "The JPEG file is incomplete (it may have been cut off during transfer). Please upload it again.")]
    [InlineData(ImageFormatKind.Png, "The PNG file is incomplete (it may have been cut off during transfer). Please upload it again.")]
    public void Incomplete_messages_name_the_format(ImageFormatKind format, string expected) =>
        Assert.Equal(expected, RejectionMessages.Incomplete(format));

    [Theory]
    [InlineData(ImageFormatKind.Jpeg, "The file looks like a JPEG but its header is damaged.")]
    [InlineData(ImageFormatKind.Heic, "The file looks like an HEIC but its header is damaged.")]
    [InlineData(ImageFormatKind.Avif, "The file looks like an AVIF but its header is damaged.")]
    public void Damaged_header_messages_use_the_right_article(ImageFormatKind format, string expected) =>
        Assert.Equal(expected, RejectionMessages.HeaderDamaged(format));
}
