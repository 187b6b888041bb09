using System.Text.RegularExpressions;

namespace ProgressTracker.Web.Infrastructure.Storage;

public enum BlobVariant { Original, Master, Thumb, Display }

public sealed record BlobKey(Guid PatientId, Guid PhotoId, BlobVariant Variant, int? SpecVersion, string Extension);

/// <summary>
/// Names every blob and parses the names back. Originals live under originals/ (never rewritten); derivatives under
/// derived/ with the derivative spec version in the path, so a new recipe writes new keys instead of overwriting.
/// </summary>
public static partial class BlobKeys
{
    public static string Original(Guid patientId, Guid photoId, string extension) =>
        $"originals/{patientId:N}/{photoId:N}/original.{extension}";

    public static string Derivative(Guid patientId, Guid photoId, BlobVariant variant, int specVersion) =>
        variant == BlobVariant.Original
            ? throw new ArgumentException("Originals are not derivatives.", nameof(variant))
            : $"derived/{patientId:N}/{photoId:N}/v{specVersion}/{variant.ToString().ToLowerInvariant()}.jpg";

    public static BlobKey? Parse(string key)
    {
        var m = KeyPattern().Match(key);
        if (!m.Success) return null;
        var patient = Guid.ParseExact(m.Groups["patient"].Value, "N");
        var photo = Guid.ParseExact(m.Groups["photo"].Value, "N");
        if (m.Groups["kind"].Value == "originals")
            return new BlobKey(patient, photo, BlobVariant.Original, null, m.Groups["ext"].Value);
        if (!Enum.TryParse<BlobVariant>(m.Groups["variant"].Value, ignoreCase: true, out var variant)
            || variant == BlobVariant.Original)
            return null;
        return new BlobKey(patient, photo, variant, int.Parse(m.Groups["version"].Value), m.Groups["ext"].Value);
    }

    /// <summary>Keys may only contain these characters; anything else is a bug or an attack.</summary>
    public static bool IsWellFormed(string key) =>
        key.Length is > 0 and <= 512 && SafeKey().IsMatch(key) && !key.Contains("..") && !key.StartsWith('/');

    [GeneratedRegex(@"^(?<kind>originals)/(?<patient>[0-9a-f]{32})/(?<photo>[0-9a-f]{32})/original\.(?<ext>[a-z0-9]+)$|^(?<kind>derived)/(?<patient>[0-9a-f]{32})/(?<photo>[0-9a-f]{32})/v(?<version>\d+)/(?<variant>[a-z]+)\.(?<ext>[a-z0-9]+)$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9/_.\-]*$")]
    private static partial Regex SafeKey();
}
