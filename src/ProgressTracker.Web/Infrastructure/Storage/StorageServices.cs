using Azure.Storage.Blobs;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Infrastructure.Storage;

public static class StorageServices
{
    /// <summary>Chooses the blob adapter once, at startup; nothing else in the app knows which one it got.</summary>
    public static void AddBlobStorage(this IServiceCollection services, IConfiguration config, AppOptions app)
    {
        var options = services.AddSettings<StorageOptions>(config, StorageOptions.Section);
        if (options.Provider == StorageProvider.AzureBlob)
        {
            var connection = Settings.Required(options.AzureConnectionString,
                "Storage:Provider is AzureBlob but Storage:AzureConnectionString is not set.");
            services.AddSingleton<IBlobStore>(sp =>
            {
                var container = new BlobContainerClient(connection, options.Container);
                container.CreateIfNotExists();
                return new AzureBlobStore(container, sp.GetRequiredService<TimeProvider>());
            });
        }
        else
        {
            var root = options.RootPath ?? Path.Combine(app.DataPath, "blobs");
            services.AddSingleton<IBlobStore>(_ => new FileSystemBlobStore(root));
        }
    }
}
