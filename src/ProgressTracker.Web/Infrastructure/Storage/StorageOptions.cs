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
    public string Container { get; set; } = "photos";
    /// <summary>How long a media redirect link stays valid.</summary>
    public TimeSpan SasLifetime { get; set; } = TimeSpan.FromMinutes(1);
}
