using ProgressTracker.Imaging.Inspection;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests;

public class FormatSnifferTests
{
    [Theory]
    [InlineData("heic", new string[] { "mif1", "heic" }, ImageFormatKind.Heic)]
    [InlineData("heix", new string[0], ImageFormatKind.Heic)]
    [InlineData("hevc", new string[0], ImageFormatKind.Heic)]
    [InlineData("heim", new string[0], ImageFormatKind.Heic)]
    [InlineData("heis", new string[0], ImageFormatKind.Heic)]
    [InlineData("mif1", new string[] { "heic" }, ImageFormatKind.Heic)]
    [InlineData("msf1", new string[0], ImageFormatKind.Heic)]
    [InlineData("mif1", new string[0], ImageFormatKind.Heic)]
    [InlineData("avif", new string[] { "mif1", "avif", "miaf" }, ImageFormatKind.Avif)]
    [InlineData("avis", new string[0], ImageFormatKind.Avif)]
    [InlineData("mif1", new string[] { "avif", "miaf" }, ImageFormatKind.Avif)]
    public void Classifies_iso_media_brands(string major, string[] compatible, ImageFormatKind expected)
    {
        Assert.Equal(new SniffResult(expected, null), FormatSniffer.Detect(ForgedFiles.Ftyp(major, compatible)));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE1 }, ImageFormatKind.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, ImageFormatKind.Png)]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, ImageFormatKind.WebP)]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0x00 }, ImageFormatKind.Tiff)]
    [InlineData(new byte[] { 0x4D, 0x4D, 0x00, 0x2A }, ImageFormatKind.Tiff)]
    public void Recognises_magic_bytes(byte[] head, ImageFormatKind expected)
    {
        Assert.Equal(expected, FormatSniffer.Detect(head).Kind);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8 })]                                  // too short for a JPEG
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45 })] // RIFF WAVE audio
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 })]                      // truncated PNG signature
    public void Near_misses_are_not_images(byte[] head)
    {
        Assert.Null(FormatSniffer.Detect(head).Kind);
    }
}
