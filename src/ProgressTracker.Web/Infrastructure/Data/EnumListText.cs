using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ProgressTracker.Web.Infrastructure.Data;

/// <summary>
/// Stores a list of enum values as one text column of their API names ("website social-media"), the same on every
/// provider and readable in the database; the list is always read and written whole.
/// </summary>
public static class EnumListText<T> where T : struct, Enum
{
    public static readonly ValueConverter<List<T>, string> Converter = new(
        values => string.Join(' ', values.Select(v => EnumNames.ToKebab(v))),
        text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList());

    public static readonly ValueComparer<List<T>> Comparer = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        values => values.Aggregate(17, (h, v) => HashCode.Combine(h, v)),
        values => values.ToList());

    private static T Parse(string name) => EnumNames.TryParse<T>(name, out var value)
        ? value
        : throw new InvalidOperationException($"'{name}' is not a {typeof(T).Name}.");
}
