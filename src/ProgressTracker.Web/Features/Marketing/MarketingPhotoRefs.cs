using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// Marketing never sees a photo's real id: ids are version-7 GUIDs, which carry their creation time, and an exact
/// date is one of the things a de-identified rendering must not give away. It sees an encrypted reference instead
/// (new on every listing, so references cannot be matched up across listings either), and a pseudonymous series
/// name that groups one patient's photos without naming them.
/// </summary>
public sealed class MarketingPhotoRefs(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("ProgressTracker.Marketing.PhotoRef.v1");

    public string For(Guid photoId) => WebEncoders.Base64UrlEncode(_protector.Protect(photoId.ToByteArray()));

    /// <summary>The photo a reference names, or null for anything this install did not issue.</summary>
    public Guid? Resolve(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > 400) return null;
        try
        {
            var bytes = _protector.Unprotect(WebEncoders.Base64UrlDecode(reference));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>"Series K7Q2MX": the same for every photo of one patient, and nothing else about them.</summary>
    public static string SeriesOf(Guid patientId)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("pt-series:" + patientId.ToString("N")));
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "Series " + string.Concat(hash.Take(6).Select(b => alphabet[b % alphabet.Length]));
    }
}
