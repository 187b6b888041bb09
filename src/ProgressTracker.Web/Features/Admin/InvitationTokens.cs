using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ProgressTracker.Web.Features.Admin;

/// <summary>
/// The secret in an invitation link: 32 random bytes, base64url. Only its SHA-256 is stored, so a copy of the
/// database cannot be turned into working links.
/// </summary>
public static class InvitationTokens
{
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Anything that cannot be one of our tokens is not looked up at all.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
