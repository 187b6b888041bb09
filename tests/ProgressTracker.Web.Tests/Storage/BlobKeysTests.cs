using ProgressTracker.Web.Infrastructure.Storage;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Storage;

/// <summary>Every key BlobKeys names parses back to what it was named from, and only to that.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class BlobKeysTests
{
    private static readonly Guid Patient = Guid.Parse("0199a3c2-7f1e-7c4a-9d2b-3f5e6a7b8c9d");
    private static readonly Guid Item = Guid.Parse("0199a3c2-8000-7000-8000-000000000042");

    [Theory]
    [InlineData("jpg")]
    [InlineData("gif")]
    public void Export_keys_are_named_and_parsed_back(string extension)
    {
        var key = BlobKeys.Export(Patient, Item, extension);

        Assert.Equal($"exports/0199a3c27f1e7c4a9d2b3f5e6a7b8c9d/0199a3c2800070008000000000000042/export.{extension}", key);
        Assert.True(BlobKeys.IsWellFormed(key));
        Assert.Equal(new ExportBlobKey(Patient, Item, extension), BlobKeys.ParseExport(key));
        Assert.Null(BlobKeys.Parse(key)); // not a photo key
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpg/../x")]
    [InlineData("")]
    public void Exports_are_only_jpg_or_gif(string extension) =>
        Assert.Throws<ArgumentException>(() => BlobKeys.Export(Patient, Item, extension));

    [Theory]
    [InlineData("exports/0199a3c27f1e7c4a9d2b3f5e6a7b8c9d/0199a3c2800070008000000000000042/export.png")]
    [InlineData("exports/0199a3c27f1e7c4a9d2b3f5e6a7b8c9d/export.jpg")]
    [InlineData("exports/0199A3C27F1E7C4A9D2B3F5E6A7B8C9D/0199a3c2800070008000000000000042/export.jpg")]
    [InlineData("derived/0199a3c27f1e7c4a9d2b3f5e6a7b8c9d/0199a3c2800070008000000000000042/v2/display.jpg")]
    public void Other_keys_are_not_export_keys(string key) => Assert.Null(BlobKeys.ParseExport(key));

    [Fact]
    public void Photo_keys_still_parse_back()
    {
        Assert.Equal(new BlobKey(Patient, Item, BlobVariant.Original, null, "heic"),
            BlobKeys.Parse(BlobKeys.Original(Patient, Item, "heic")));
        Assert.Equal(new BlobKey(Patient, Item, BlobVariant.Display, 2, "webp"),
            BlobKeys.Parse(BlobKeys.Derivative(Patient, Item, BlobVariant.Display, 2, ImageEncoding.WebP)));
        Assert.Equal(new BlobKey(Patient, Item, BlobVariant.Thumb, 3, "jpg", Aligned: true),
            BlobKeys.Parse(BlobKeys.Aligned(Patient, Item, 3, BlobVariant.Thumb)));
        Assert.Null(BlobKeys.ParseExport(BlobKeys.Original(Patient, Item, "jpg")));
    }
}
