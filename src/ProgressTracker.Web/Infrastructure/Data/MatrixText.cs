using System.Globalization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ProgressTracker.Web.Infrastructure.Data;

/// <summary>Stores an affine matrix as "a b tx c d ty" with round-trip precision, the same on every provider.</summary>
public static class MatrixText
{
    public static readonly ValueConverter<double[]?, string?> Converter = new(
        m => m == null ? null : string.Join(' ', m.Select(v => v.ToString("R", CultureInfo.InvariantCulture))),
        s => s == null ? null : s.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());

    public static readonly ValueComparer<double[]?> Comparer = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        m => m == null ? 0 : m.Aggregate(17, (h, v) => HashCode.Combine(h, v)),
        m => m == null ? null : m.ToArray());
}
