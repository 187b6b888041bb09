using ProgressTracker.Imaging.Composition;
using ProgressTracker.Imaging.Synthetic;
using static ProgressTracker.Imaging.Tests.Composition.CasePictures;

namespace ProgressTracker.Imaging.Tests.Composition;

/// <summary>Requests the renderer refuses, each with a message a user can act on. The after photo is 480 × 640.</summary>
public sealed class CaseValidationTests
{
    private static readonly byte[] Body = SyntheticBody.RenderJpeg(new SyntheticBodyOptions(480, 640, "front", 0.5, 5));
    private static readonly CaseRenderRequest Valid = Request(Body, Body);

    public static TheoryData<string, CaseRenderRequest, string> Refused => new()
    {
        { "radius too small", Valid with { Blur = [new(100, 100, 3)] }, "Blur spot 1 has a radius of 3 px; a radius must be between 4 and 400 px." },
        { "radius too large", Valid with { Blur = [new(100, 100, 20), new(100, 100, 401)] }, "Blur spot 2 has a radius of 401 px" },
        { "not a number", Valid with { Blur = [new(double.NaN, 100, 20)] }, "Blur spot 1 has a position or radius that is not a number." },
        { "infinite", Valid with { Blur = [new(100, double.PositiveInfinity, 20)] }, "not a number" },
        { "too many spots", Valid with { Blur = Enumerable.Repeat(new CaseBlurSpot(100, 100, 10), 51).ToList() }, "At most 50 blur spots" },
        { "spot off the photo", Valid with { Blur = [new(600, 100, 50)] }, "Blur spot 1 at (600, 100) lies outside the photo (480×640 px)." },
        { "no blur list", Valid with { Blur = null! }, "send an empty list" },
        { "crop off the photo", Valid with { Crop = new CaseCrop(500, 0, 100, 100) }, "The crop lies outside the photo (480×640 px)" },
        { "crop too small", Valid with { Crop = new CaseCrop(0, 0, 31, 200) }, "The crop is 31×200 px inside the photo; it must be at least 32×32 px." },
        { "crop small once clipped", Valid with { Crop = new CaseCrop(460, 0, 100, 200) }, "The crop is 20×200 px" },
        { "crop of no size", Valid with { Crop = new CaseCrop(0, 0, 0, 50) }, "positive width and height" },
        { "empty label", Valid with { BeforeLabel = " " }, "The before label is empty." },
        { "label too long", Valid with { AfterLabel = new string('a', 81) }, "The after label is limited to 80 characters" },
        { "too many caption lines", Valid with { CaptionLines = Enumerable.Repeat("x", 7).ToList() }, "at most 6 lines" },
        { "caption with a newline", Valid with { CaptionLines = ["a\nb"] }, "Caption line 1 must be one line" },
        { "caption too long", Valid with { CaptionLines = ["ok", new string('a', 201)] }, "Caption line 2 is limited to 200" },
        { "watermark too long", Valid with { Watermark = new string('w', 61) }, "The watermark is limited to 60 characters" },
        { "no case code", Valid with { Provenance = Provenance with { CaseCode = "" } }, "The case code is empty." },
        { "empty case id", Valid with { Provenance = Provenance with { CaseId = Guid.Empty } }, "The case id is empty." },
        { "empty consent id", Valid with { Provenance = Provenance with { ConsentIds = [Guid.Empty] } }, "A consent id is empty." },
        { "before undecodable", Valid with { Before = [1, 2, 3] }, "The before photo could not be decoded." },
        { "after empty", Valid with { After = [] }, "The after photo could not be decoded." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refused_with_a_readable_message(string why, CaseRenderRequest request, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => CaseRenderer.Render(request));
        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{why}: {error.Message}");
    }

    [Fact]
    public void Edge_values_are_accepted()
    {
        var rendered = CaseRenderer.Render(Valid with
        {
            Blur = Enumerable.Range(0, 50).Select(i => new CaseBlurSpot(i * 9.5, -3.5, i % 2 == 0 ? 4 : 400)).ToList(),
            Crop = new CaseCrop(448, 608, 100, 100), // clipped to exactly 32 × 32
            CaptionLines = Enumerable.Repeat(new string('a', 200), 6).ToList(),
            Watermark = new string('w', 60),
        });

        Assert.True(rendered.Jpeg.Length > 0);
    }
}
