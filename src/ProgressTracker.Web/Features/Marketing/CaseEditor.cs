using System.Text.Json;
using ProgressTracker.Imaging.Composition;

namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// The case form as pages post it: crop choice, blur spots ("x,y,radius" in the after photo's display pixels),
/// marketing's own caption line and watermark. Shared by the new-case and case pages.
/// </summary>
public sealed class CaseForm
{
    public string Crop { get; set; } = "hip";
    /// <summary>The chosen box for crop "box", in the after photo's display pixels.</summary>
    public int? BoxX { get; set; }
    public int? BoxY { get; set; }
    public int? BoxWidth { get; set; }
    public int? BoxHeight { get; set; }
    public List<string> Blur { get; set; } = [];
    public string? Caption { get; set; }
    public string? Watermark { get; set; }

    public CaseRequest ToRequest(string? before, string? after) => new(before, after, CropJson(),
        Blur.Select(ParseSpot).Where(s => s is not null).Select(s => s!).ToList(), Caption, Watermark);

    /// <summary>"hip", "none", or the box as the API takes it (missing numbers are left for the rules to refuse).</summary>
    private JsonElement CropJson() => Crop == "box"
        ? JsonSerializer.SerializeToElement(new { x = BoxX ?? -1, y = BoxY ?? -1, width = BoxWidth ?? 0, height = BoxHeight ?? 0 })
        : JsonSerializer.SerializeToElement(Crop);

    public static CaseForm From(MarketingCase c) => new()
    {
        Crop = EnumNames.ToKebab(c.CropKind), BoxX = c.CropX, BoxY = c.CropY, BoxWidth = c.CropWidth, BoxHeight = c.CropHeight,
        Blur = c.Blur.Select(b => FormattableString.Invariant($"{b.X:0.#},{b.Y:0.#},{b.Radius:0.#}")).ToList(),
        Caption = c.Caption, Watermark = c.Watermark,
    };

    private static BlurSpotDto? ParseSpot(string text)
    {
        var parts = text.Split(',');
        return parts.Length == 3 && parts.Select(p => double.TryParse(p, System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var _)).All(ok => ok)
            ? new BlurSpotDto(Num(parts[0]), Num(parts[1]), Num(parts[2]))
            : new BlurSpotDto(double.NaN, double.NaN, double.NaN); // reported by the rules, not dropped silently
    }

    private static double Num(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// What the blur brush draws on: the after photo as marketing is shown it (cropped to the hip region without
/// consent to identifiable features), and where that rendering sits in the display pixels the case is drawn from.
/// </summary>
public sealed record BrushCanvas(string ImageUrl, int OffsetX, int OffsetY, double Scale, bool Identifiable)
{
    public static async Task<BrushCanvas> ForAsync(MarketingPhoto after, string reference, IBlobStore blobs, CancellationToken ct)
    {
        var image = await blobs.ReadAllBytesAsync(after.ImageKey, ct);
        var box = image is not null && !after.Identifiable ? HipRegion.FindBox(image, ct) : null;
        // The display image is at most 1280 px long, and so is the rendering: only a larger box would be scaled down.
        var longEdge = box is { } b ? Math.Max(b.Width, b.Height) : 0;
        return new BrushCanvas($"/api/v1/marketing/photos/{reference}/display", box?.X ?? 0, box?.Y ?? 0,
            longEdge > 1280 ? longEdge / 1280.0 : 1.0, after.Identifiable);
    }
}

/// <summary>The editor partial's model.</summary>
public sealed record CaseEditorView(BrushCanvas Canvas, CaseForm Form, string Disclaimer);
