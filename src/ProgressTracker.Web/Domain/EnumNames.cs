using System.Text.Json;

namespace ProgressTracker.Web.Domain;

/// <summary>
/// The API spells enumerations in lower-case kebab-case ("left-lateral", "follow-up"). One place converts both ways
/// so routes, forms, query strings and JSON agree.
/// </summary>
public static class EnumNames
{
    public static string ToKebab<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(ToKebab(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>"front, back, left-lateral, …" for error messages that tell the caller what is accepted.</summary>
    public static string Allowed<T>() where T : struct, Enum =>
        string.Join(", ", Enum.GetValues<T>().Select(v => ToKebab(v)));
}
