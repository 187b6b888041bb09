using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace ProgressTracker.Web.Features.Photos.Media;

/// <summary>
/// A strong validator for a derivative. The blob key names the photo, the variant, the derivative version or
/// alignment revision and the encoding, and the bytes at a key never change, so a hash of the key is enough; hashed
/// so the header does not repeat the patient id inside the key.
/// </summary>
public static class MediaETag
{
    public static EntityTagHeaderValue Of(string blobKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(blobKey));
        return new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"");
    }

    /// <summary>If-None-Match compares weakly (RFC 9110 13.1.2), so a W/ form of our tag also matches.</summary>
    public static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } candidates &&
        candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(etag, useStrongComparison: false));
}
