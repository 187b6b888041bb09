using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>
/// Secrets handed to a client (invitation links, refresh tokens): 32 random bytes, base64url. Only their SHA-256 is
/// stored, so a copy of the database cannot be turned into working links or sessions.
/// </summary>
public static class SecretTokens
{
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256, the form kept in the database.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Anything that cannot be one of <see cref="New"/>'s tokens is not looked up at all.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
