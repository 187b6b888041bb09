using System.Text.Json;

namespace ProgressTracker.Web.Features.Marketing;

/// <summary>A blur brush stroke as the API takes it: centre and radius in the after photo's display pixels.</summary>
public sealed record BlurSpotDto(double X, double Y, double Radius);

/// <summary>
/// POST /marketing/cases and PUT /marketing/cases/{id} (API.md): <c>crop</c> is "hip" (default), "none" or
/// <c>{x, y, width, height}</c>; <c>caption</c> is marketing's own line under the facts; <c>watermark</c> overrides
/// the clinic's.
/// </summary>
public sealed record CaseRequest(string? BeforePhotoId, string? AfterPhotoId, JsonElement? Crop,
    IReadOnlyList<BlurSpotDto>? Blur, string? Caption, string? Watermark);

/// <summary>A checked case request, in domain terms.</summary>
public sealed record CaseSpec(CaseCropKind Crop, (int X, int Y, int Width, int Height)? Box, IReadOnlyList<BlurSpot> Blur,
    string Caption, string? Watermark);

public static class CaseRequestRules
{
    public const int MaxSpots = 50;
    public const double MinRadius = 4, MaxRadius = 400;
    public const int MaxCaption = 160, MaxWatermark = 60;

    /// <summary>The request in domain terms, or what is wrong with it in words marketing can act on.</summary>
    public static Result<CaseSpec> Check(CaseRequest request)
    {
        if (ParseCrop(request.Crop).Failed(out var badCrop, out var crop)) return badCrop;
        var spots = request.Blur ?? [];
        if (spots.Count > MaxSpots) return Rejection.Invalid($"At most {MaxSpots} blur spots; merge some into larger ones.");
        foreach (var s in spots)
        {
            if (s is null || !double.IsFinite(s.X) || !double.IsFinite(s.Y) || !double.IsFinite(s.Radius) || s.X < 0 || s.Y < 0)
                return Rejection.Invalid("Each blur spot needs x and y (0 or more) and a radius, in the after photo's display pixels.");
            if (s.Radius is < MinRadius or > MaxRadius)
                return Rejection.Invalid($"A blur spot's radius must be {MinRadius:0}–{MaxRadius:0} pixels.");
        }
        var caption = (request.Caption ?? "").Trim();
        if (caption.Length > MaxCaption || caption.Any(char.IsControl))
            return Rejection.Invalid($"The caption must be one line of at most {MaxCaption} characters.");
        var watermark = request.Watermark?.Trim();
        if (watermark is { Length: > MaxWatermark } || watermark?.Any(char.IsControl) == true)
            return Rejection.Invalid($"The watermark must be one line of at most {MaxWatermark} characters.");
        return new CaseSpec(crop.Kind, crop.Box, spots.Select(s => new BlurSpot(s.X, s.Y, s.Radius)).ToList(), caption,
            string.IsNullOrEmpty(watermark) ? null : watermark);
    }

    private sealed record CropChoice(CaseCropKind Kind, (int X, int Y, int Width, int Height)? Box);

    private static Result<CropChoice> ParseCrop(JsonElement? crop)
    {
        if (crop is not { } c || c.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return new CropChoice(CaseCropKind.Hip, null);
        if (c.ValueKind == JsonValueKind.String)
            return c.GetString() switch
            {
                "hip" => new CropChoice(CaseCropKind.Hip, null),
                "none" => new CropChoice(CaseCropKind.None, null),
                var other => Rejection.Invalid($"crop must be \"hip\", \"none\" or {{x, y, width, height}}, not \"{other}\"."),
            };
        if (c.ValueKind == JsonValueKind.Object && Int(c, "x") is { } x && Int(c, "y") is { } y
            && Int(c, "width") is { } w && Int(c, "height") is { } h)
            return x < 0 || y < 0 || w < 32 || h < 32
                ? Rejection.Invalid("A crop box needs x and y of 0 or more and a width and height of at least 32 pixels.")
                : new CropChoice(CaseCropKind.Box, (x, y, w, h));
        return Rejection.Invalid("crop must be \"hip\", \"none\" or {x, y, width, height} in whole pixels.");
    }

    private static int? Int(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
