using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ProgressTracker.Web.Infrastructure.Storage;

/// <summary>
/// The key that signs media links when the app signs in to Storage with Entra ID (no account key): a user delegation
/// key, asked of the service once and used for every link until it comes close to its end, then replaced. A link
/// never outlives the key that signed it. When no key can be had (the identity lacks the "Storage Blob Delegator"
/// role, the service does not answer), links are not offered for a minute and the app streams media itself.
/// </summary>
public sealed class UserDelegationKeys(BlobServiceClient service, TimeProvider clock, ILogger<UserDelegationKeys> log)
{
    /// <summary>How long a key asked for is valid (the service allows up to 7 days).</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromHours(12);
    /// <summary>A key with less than this left is replaced; far longer than any link's lifetime.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromHours(1);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private UserDelegationKey? _key;
    private DateTimeOffset _noKeyUntil = DateTimeOffset.MinValue;

    public string AccountName => service.AccountName;

    /// <summary>A key valid at least until <paramref name="until"/>, or null (then stream instead of redirecting).</summary>
    public async Task<UserDelegationKey?> GetAsync(DateTimeOffset until, CancellationToken ct)
    {
        if (Usable(_key, until)) return _key;
        await _gate.WaitAsync(ct);
        try
        {
            if (Usable(_key, until)) return _key;
            var now = clock.GetUtcNow();
            if (now < _noKeyUntil) return Covers(_key, until) ? _key : null;
            try
            {
                // Starts a little in the past, like the links it signs, for clock skew between us and the service.
                _key = (await service.GetUserDelegationKeyAsync(now.AddMinutes(-5), now + Validity, ct)).Value;
                return _key;
            }
            catch (Exception e) when (e is RequestFailedException or Azure.Identity.AuthenticationFailedException)
            {
                _noKeyUntil = now + RetryAfter;
                log.LogWarning(e, "No user delegation key from {Account} (does the app's identity have the Storage " +
                    "Blob Delegator role?); media is streamed by the app instead of redirected for {RetryAfter}",
                    service.AccountName, RetryAfter);
                return Covers(_key, until) ? _key : null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool Usable(UserDelegationKey? key, DateTimeOffset until) =>
        key is not null && key.SignedExpiresOn - RenewBefore > clock.GetUtcNow() && Covers(key, until);

    private static bool Covers(UserDelegationKey? key, DateTimeOffset until) => key is not null && key.SignedExpiresOn >= until;
}
