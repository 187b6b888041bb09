using System.Text.RegularExpressions;

namespace ProgressTracker.Web.Infrastructure.Storage;

public enum BlobVariant { Original, Master, Thumb, Display }

/// <summary>Derivatives are stored as JPEG (every client) and WebP (smaller, for browsers that accept it).</summary>
public enum ImageEncoding { Jpeg, WebP }

/// <summary>A parsed key. Revision: the derivative spec version, or for aligned images the alignment revision.</summary>
public sealed record BlobKey(Guid PatientId, Guid PhotoId, BlobVariant Variant, int? SpecVersion, string Extension,
    bool Aligned = false);

/// <summary>A parsed export key: the rendered file of one export of one patient.</summary>
public sealed record ExportBlobKey(Guid PatientId, Guid ExportId, string Extension);

/// <summary>
/// Names every blob and parses the names back. Originals live under originals/ (never rewritten); derivatives under
/// derived/ with the derivative spec version in the path, so a new recipe writes new keys instead of overwriting;
/// exports under exports/, one file per export; patients' data archives under archives/, one zip per archive.
/// </summary>
public static partial class BlobKeys
{
    public static string Original(Guid patientId, Guid photoId, string extension) =>
        $"originals/{patientId:N}/{photoId:N}/original.{extension}";

    public static string Derivative(Guid patientId, Guid photoId, BlobVariant variant, int specVersion,
        ImageEncoding encoding = ImageEncoding.Jpeg) =>
        variant == BlobVariant.Original
            ? throw new ArgumentException("Originals are not derivatives.", nameof(variant))
            : $"derived/{patientId:N}/{photoId:N}/v{specVersion}/{variant.ToString().ToLowerInvariant()}.{Extension(encoding)}";

    /// <summary>The photo warped onto its baseline's canvas; named by alignment revision, never overwritten.</summary>
    public static string Aligned(Guid patientId, Guid photoId, int revision, BlobVariant variant) =>
        variant is BlobVariant.Thumb or BlobVariant.Display
            ? $"aligned/{patientId:N}/{photoId:N}/r{revision}/{variant.ToString().ToLowerInvariant()}.jpg"
            : throw new ArgumentException("Aligned images come in thumb and display sizes.", nameof(variant));

    /// <summary>
    /// The rendered file of an export (JPEG composite or GIF animation). An export is rendered once; a re-run of its
    /// job (a retry, the sweep) writes the same pixels to the same key.
    /// </summary>
    public static string Export(Guid patientId, Guid exportId, string extension) =>
        extension is "jpg" or "gif"
            ? $"exports/{patientId:N}/{exportId:N}/export.{extension}"
            : throw new ArgumentException($"Exports are jpg or gif files, not '{extension}'.", nameof(extension));

    /// <summary>The drawn signature of an on-screen consent (PNG).</summary>
    public static string ConsentSignature(Guid patientId, Guid consentId) =>
        $"consents/{patientId:N}/{consentId:N}/signature.png";

    /// <summary>The scan of a signed paper consent form ("pdf", "jpg" or "png").</summary>
    public static string ConsentForm(Guid patientId, Guid consentId, string extension) =>
        $"consents/{patientId:N}/{consentId:N}/form.{extension}";

    /// <summary>
    /// The zip of one "download my data" archive. Its own prefix keeps patient-facing downloads apart from clinical
    /// blobs, and a re-run of the job (a retry, the sweep) overwrites the same key.
    /// </summary>
    public static string Archive(Guid patientId, Guid archiveId) => $"archives/{patientId:N}/{archiveId:N}/archive.zip";

    /// <summary>Parses an archive key into (patient, archive); null for any other key.</summary>
    public static (Guid PatientId, Guid ArchiveId)? ParseArchive(string key)
    {
        var m = ArchivePattern().Match(key);
        return m.Success
            ? (Guid.ParseExact(m.Groups["patient"].Value, "N"), Guid.ParseExact(m.Groups["archive"].Value, "N"))
            : null;
    }

    /// <summary>A marketing case's rendered picture; each revision (each edit) has its own key, never overwritten.</summary>
    public static string Case(Guid patientId, Guid caseId, int revision) =>
        $"cases/{patientId:N}/{caseId:N}/r{revision}/case.jpg";

    public static string Extension(ImageEncoding encoding) => encoding == ImageEncoding.WebP ? "webp" : "jpg";

    public static BlobKey? Parse(string key)
    {
        var m = KeyPattern().Match(key);
        if (!m.Success) return null;
        var patient = Guid.ParseExact(m.Groups["patient"].Value, "N");
        var photo = Guid.ParseExact(m.Groups["photo"].Value, "N");
        if (m.Groups["kind"].Value == "originals")
            return new BlobKey(patient, photo, BlobVariant.Original, null, m.Groups["ext"].Value);
        var aligned = m.Groups["kind"].Value == "aligned";
        if (!Enum.TryParse<BlobVariant>(m.Groups["variant"].Value, ignoreCase: true, out var variant)
            || variant == BlobVariant.Original)
            return null;
        return new BlobKey(patient, photo, variant, int.Parse(m.Groups["version"].Value), m.Groups["ext"].Value, aligned);
    }

    /// <summary>Parses an export key; null for any other key (photo keys are parsed by <see cref="Parse"/>).</summary>
    public static ExportBlobKey? ParseExport(string key)
    {
        var m = ExportPattern().Match(key);
        return m.Success
            ? new ExportBlobKey(Guid.ParseExact(m.Groups["patient"].Value, "N"), Guid.ParseExact(m.Groups["export"].Value, "N"),
                m.Groups["ext"].Value)
            : null;
    }

    /// <summary>Keys may only contain these characters; anything else is a bug or an attack.</summary>
    public static bool IsWellFormed(string key) =>
        key.Length is > 0 and <= 512 && SafeKey().IsMatch(key) && !key.Contains("..") && !key.StartsWith('/');

    [GeneratedRegex(@"^(?<kind>originals)/(?<patient>[0-9a-f]{32})/(?<photo>[0-9a-f]{32})/original\.(?<ext>[a-z0-9]+)$|^(?<kind>derived)/(?<patient>[0-9a-f]{32})/(?<photo>[0-9a-f]{32})/v(?<version>\d+)/(?<variant>[a-z]+)\.(?<ext>[a-z0-9]+)$|^(?<kind>aligned)/(?<patient>[0-9a-f]{32})/(?<photo>[0-9a-f]{32})/r(?<version>\d+)/(?<variant>[a-z]+)\.(?<ext>[a-z0-9]+)$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^exports/(?<patient>[0-9a-f]{32})/(?<export>[0-9a-f]{32})/export\.(?<ext>jpg|gif)$")]
    private static partial Regex ExportPattern();

    [GeneratedRegex(@"^archives/(?<patient>[0-9a-f]{32})/(?<archive>[0-9a-f]{32})/archive\.zip$")]
    private static partial Regex ArchivePattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9/_.\-]*$")]
    private static partial Regex SafeKey();
}
