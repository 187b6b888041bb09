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
            StorageProvider.AzureBlob => AzureStore(options),
            _ => _ => new FileSystemBlobStore(options.RootPath ?? Path.Combine(app.DataPath, "blobs")),
        };
        services.AddSingleton(store);
    }

    /// <summary>The connection string is checked now, so a missing one stops the start with a clear message.</summary>
    private static Func<IServiceProvider, IBlobStore> AzureStore(StorageOptions options)
    {
        var connection = Settings.Required(options.AzureConnectionString,
            "Storage:Provider is AzureBlob but Storage:AzureConnectionString is not set.");
        return sp =>
        {
            var container = new BlobContainerClient(connection, options.Container);
            container.CreateIfNotExists();
            return new AzureBlobStore(container, sp.GetRequiredService<TimeProvider>());
        };
    }
}
