namespace ProgressTracker.Web.Infrastructure.Storage;

public enum StorageProvider { FileSystem, AzureBlob }

/// <summary>Section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.FileSystem;
    /// <summary>FileSystem: the blob folder; default "blobs" inside the data directory.</summary>
    public string? RootPath { get; set; }
    /// <summary>AzureBlob: a storage connection string (account key needed to sign SAS links).</summary>
    public string? AzureConnectionString { get; set; }
    /// <summary>
    /// AzureBlob without a key: the account's blob endpoint (https://account.blob.core.windows.net), signed in to with
    /// Microsoft Entra ID (a managed identity); media links are then user-delegation SAS. Instead of
    /// <see cref="AzureConnectionString"/>, never with it.
    /// </summary>
    public string? AzureServiceUri { get; set; }
    /// <summary>With <see cref="AzureServiceUri"/>: the client id of a user-assigned managed identity.</summary>
    public string? ManagedIdentityClientId { get; set; }
    public string Container { get; set; } = "photos";
    /// <summary>How long a media redirect link stays valid.</summary>
    public TimeSpan SasLifetime { get; set; } = TimeSpan.FromMinutes(1);
}
