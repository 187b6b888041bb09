using Azure.Storage.Blobs;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Infrastructure.Storage;

public static class StorageServices
{
    /// <summary>Chooses the blob adapter once, at startup; nothing else in the app knows which one it got.</summary>
    public static void AddBlobStorage(this IServiceCollection services, IConfiguration config, AppOptions app)
    {
        var options = services.AddSettings<StorageOptions>(config, StorageOptions.Section);
        var store = options.Provider switch
        {
            StorageProvider.AzureBlob => AzureStore(services, options),
            _ => _ => new FileSystemBlobStore(options.RootPath ?? Path.Combine(app.DataPath, "blobs")),
        };
        services.AddSingleton(store);
    }

    /// <summary>
    /// The account settings are checked now, so a missing or contradictory one stops the start with a clear message.
    /// A connection string signs media links with its account key (or, SAS-only, the app streams media); a service
    /// URI signs in with Entra ID and signs media links with a user delegation key.
    /// </summary>
    private static Func<IServiceProvider, IBlobStore> AzureStore(IServiceCollection services, StorageOptions options)
    {
        var serviceUri = ServiceUri(options);
        if (serviceUri is null)
        {
            var connection = options.AzureConnectionString!;
            return sp =>
            {
                var container = new BlobContainerClient(connection, options.Container);
                container.CreateIfNotExists();
                return new AzureBlobStore(container, sp.GetRequiredService<TimeProvider>());
            };
        }
        services.AddSingleton<AzureCredentials>();
        return sp =>
        {
            var credential = sp.GetRequiredService<AzureCredentials>().For(options.ManagedIdentityClientId);
            var service = new BlobServiceClient(serviceUri, credential);
            var container = service.GetBlobContainerClient(options.Container);
            container.CreateIfNotExists();
            var clock = sp.GetRequiredService<TimeProvider>();
            return new AzureBlobStore(container, clock,
                new UserDelegationKeys(service, clock, sp.GetRequiredService<ILogger<UserDelegationKeys>>()));
        };
    }

    /// <summary>
    /// The Entra-signed-in endpoint, or null for a connection string; throws, naming the setting, on anything that
    /// would otherwise fail later or silently fall back to the other way.
    /// </summary>
    public static Uri? ServiceUri(StorageOptions options)
    {
        var hasConnection = !string.IsNullOrWhiteSpace(options.AzureConnectionString);
        var hasUri = !string.IsNullOrWhiteSpace(options.AzureServiceUri);
        if (hasConnection && hasUri)
            throw new InvalidOperationException("Storage:AzureConnectionString and Storage:AzureServiceUri are both " +
                "set: set the connection string (account key) or the service URI (managed identity), not both.");
        if (!hasConnection && !hasUri)
            throw new InvalidOperationException("Storage:Provider is AzureBlob but neither " +
                "Storage:AzureConnectionString nor Storage:AzureServiceUri is set.");
        if (!hasUri)
        {
            if (!string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
                throw new InvalidOperationException("Storage:ManagedIdentityClientId is set but Storage:AzureServiceUri " +
                    "is not: a managed identity is used only with the service URI (a connection string brings its own key).");
            return null;
        }
        AzureCredentials.CheckClientId(options.ManagedIdentityClientId, "Storage:ManagedIdentityClientId");
        // Entra tokens are only ever sent over TLS (Azure.Core refuses otherwise), and a SAS in the URI would be a
        // credential of its own that the managed identity should replace.
        if (!Uri.TryCreate(options.AzureServiceUri, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
            throw new InvalidOperationException("Storage:AzureServiceUri must be the account's blob endpoint over " +
                $"https with nothing after it, for example https://account.blob.core.windows.net, not '{options.AzureServiceUri}'.");
        return uri;
    }
}
