using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ProgressTracker.Web.Infrastructure.Data;

/// <summary>
/// Stores an ordered list of ids as one text column ("0199… 0199…", 32 hex digits each), the same on every provider:
/// the list is always read and written whole, and its order matters.
/// </summary>
public static class GuidListText
{
    public static readonly ValueConverter<List<Guid>, string> Converter = new(
        ids => string.Join(' ', ids.Select(id => id.ToString("N"))),
        text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => Guid.ParseExact(t, "N")).ToList());

    public static readonly ValueComparer<List<Guid>> Comparer = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        ids => ids.Aggregate(17, (h, id) => HashCode.Combine(h, id)),
        ids => ids.ToList());
}
