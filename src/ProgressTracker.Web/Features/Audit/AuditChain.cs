using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProgressTracker.Web.Features.Audit;

/// <summary>
/// The hash of one sealed entry: SHA-256 over a canonical encoding of every field and the previous entry's hash.
/// Each field is written as a presence byte then, when present, a 4-byte big-endian length and its UTF-8 text, so
/// no two different entries encode alike (no separator a value could contain, null distinct from empty).
/// </summary>
public static class AuditChain
{
    /// <summary>Names the encoding, so a future change of fields can be told apart from tampering.</summary>
    private const string Version = "pt-audit-v1";

    /// <summary>
    /// Times are hashed in 0.1 ms: the finest both databases keep (SQLite's ticks column drops the rest,
    /// PostgreSQL keeps microseconds), so an entry hashes the same before and after it is stored.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % 1000, TimeSpan.Zero);

    public static string HashOf(AuditEntry e)
    {
        using var buffer = new MemoryStream(256);
        Write(buffer, Version);
        Write(buffer, e.Sequence?.ToString(CultureInfo.InvariantCulture));
        Write(buffer, e.Id.ToString("D"));
        Write(buffer, (Truncate(e.At).UtcTicks / 1000).ToString(CultureInfo.InvariantCulture));
        Write(buffer, e.ActorId?.ToString("D"));
        Write(buffer, e.ActorRole);
        Write(buffer, e.Action);
        Write(buffer, e.ResourceType);
        Write(buffer, e.ResourceId);
        Write(buffer, e.PatientId?.ToString("D"));
        Write(buffer, e.Outcome.ToString());
        Write(buffer, e.Ip);
        Write(buffer, e.Detail);
        Write(buffer, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    private static void Write(MemoryStream to, string? value)
    {
        if (value is null)
        {
            to.WriteByte(0);
            return;
        }
        to.WriteByte(1);
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        to.Write(length);
        to.Write(bytes);
    }
}
