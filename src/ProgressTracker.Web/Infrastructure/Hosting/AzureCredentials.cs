using System.Collections.Concurrent;
using Azure.Core;
using Azure.Identity;

namespace ProgressTracker.Web.Infrastructure.Hosting;

/// <summary>
/// How the app signs in to Azure Storage (<c>Storage:AzureServiceUri</c>) and Azure Database for PostgreSQL
/// (<c>Database:EntraAuthentication</c>) with Microsoft Entra ID instead of an account key or a password: in Azure a
/// managed identity (a user-assigned one when its client id is configured), on a developer machine whatever
/// <see cref="DefaultAzureCredential"/> finds (an <c>az login</c>, environment variables). Used only when one of those
/// settings asks for it; a connection string with a key or password never goes through here.
/// </summary>
public sealed class AzureCredentials
{
    private readonly TokenCredential? _fixed;
    private readonly ConcurrentDictionary<string, TokenCredential> _byClientId = new(StringComparer.OrdinalIgnoreCase);

    public AzureCredentials() { }

    /// <summary>Always <paramref name="credential"/>, whatever client id is asked for (another sign-in, a test's).</summary>
    public AzureCredentials(TokenCredential credential) => _fixed = credential;

    /// <summary>One credential per client id, kept for the process: it caches and refreshes its tokens itself.</summary>
    public TokenCredential For(string? managedIdentityClientId) =>
        _fixed ?? _byClientId.GetOrAdd(managedIdentityClientId ?? "", id => new DefaultAzureCredential(
            new DefaultAzureCredentialOptions { ManagedIdentityClientId = id.Length == 0 ? null : id }));

    /// <summary>A user-assigned identity's client id is a GUID; anything else is a typo to report at start.</summary>
    public static void CheckClientId(string? clientId, string setting)
    {
        if (clientId is not null && !Guid.TryParse(clientId, out _))
            throw new InvalidOperationException(
                $"{setting} must be the client id (a GUID) of a user-assigned managed identity, not '{clientId}'.");
    }
}
