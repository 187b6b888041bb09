using ProgressTracker.Imaging.Composition;
using static ProgressTracker.Imaging.Tests.Composition.ExportPictures;

namespace ProgressTracker.Imaging.Tests.Composition;

/// <summary>Bad requests are refused with a message that says what to change; the font ships inside the assembly.</summary>
public sealed class ExportRequestTests
{
    [Theory]
    [InlineData(CompositionKind.SideBySide, 0, "exactly 2 photos; 0 photos were chosen")]
    [InlineData(CompositionKind.SideBySide, 1, "exactly 2 photos; 1 photo were chosen")]
    [InlineData(CompositionKind.SideBySide, 3, "exactly 2 photos; 3 photos were chosen")]
    [InlineData(CompositionKind.Sequence, 0, "at least 2 photos; 0 photos were chosen")]
    [InlineData(CompositionKind.Sequence, 1, "at least 2 photos; 1 photo was chosen")]
    [InlineData(CompositionKind.Animation, 1, "An animation needs at least 2 photos")]
    [InlineData(CompositionKind.Sequence, 25, "at most 24 photos; 25 photos were chosen")]
    [InlineData(CompositionKind.Animation, 40, "at most 24 photos; 40 photos were chosen")]
    public void A_wrong_number_of_photos_is_refused_with_a_clear_message(CompositionKind kind, int count, string expected)
    {
        var images = Enumerable.Range(0, count).Select(i => Flat(40, 60, i)).ToList();

        var error = Assert.Throws<ArgumentException>(() => ExportRenderer.Render(Request(kind, images)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        foreach (var image in images) image.Dispose();
    }

    [Fact]
    public void Other_bad_inputs_are_refused_with_a_clear_message()
    {
        using var ok = Flat(40, 60, 0);
        using var empty = new OpenCvSharp.Mat();
        using var tiny = Flat(4, 4, 1);

        Assert.Contains("limited to 60 characters",
            Assert.Throws<ArgumentException>(() => ExportRenderer.Render(Request(CompositionKind.SideBySide, [ok, ok], new string('x', 61)))).Message);
        Assert.Contains("single line",
            Assert.Throws<ArgumentException>(() => ExportRenderer.Render(Request(CompositionKind.SideBySide, [ok, ok], "a\nb"))).Message);
        Assert.Contains("Photo 2 is not an 8-bit BGR image",
            Assert.Throws<ArgumentException>(() => ExportRenderer.Render(Request(CompositionKind.SideBySide, [ok, empty]))).Message);
        Assert.Contains("Photo 1 is too small",
            Assert.Throws<ArgumentException>(() => ExportRenderer.Render(Request(CompositionKind.SideBySide, [tiny, ok]))).Message);
        Assert.Contains("0 ≤ top < bottom ≤ 1",
            Assert.Throws<ArgumentException>(() => ExportRenderer.Render(Request(CompositionKind.SideBySide, [ok, ok], crop: new CropBand(0.6, 0.4)))).Message);
    }

    [Fact]
    public void The_label_font_and_its_licence_ship_inside_the_assembly()
    {
        var font = File.ReadAllBytes(EmbeddedFont.Path);

        Assert.True(font.Length > 100_000);
        Assert.Equal([0x00, 0x01, 0x00, 0x00], font[..4]); // TrueType outlines
        Assert.Contains("Bitstream Vera Fonts Copyright", EmbeddedFont.LicenceText(), StringComparison.Ordinal);
    }
}
