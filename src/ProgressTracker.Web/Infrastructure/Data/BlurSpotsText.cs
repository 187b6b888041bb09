using System.Globalization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ProgressTracker.Web.Infrastructure.Data;

/// <summary>Stores blur brush strokes as one text column ("x y r;x y r"), invariant culture, the same on every provider.</summary>
public static class BlurSpotsText
{
    public static readonly ValueConverter<List<BlurSpot>, string> Converter = new(
        spots => string.Join(';', spots.Select(Format)),
        text => text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList());

    public static readonly ValueComparer<List<BlurSpot>> Comparer = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        spots => spots.Aggregate(17, (h, s) => HashCode.Combine(h, s)),
        spots => spots.ToList());

    private static string Format(BlurSpot s) => string.Create(CultureInfo.InvariantCulture, $"{s.X:R} {s.Y:R} {s.Radius:R}");

    private static BlurSpot Parse(string text)
    {
        var parts = text.Split(' ');
        return new BlurSpot(double.Parse(parts[0], CultureInfo.InvariantCulture),
            double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}
