using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace ProgressTracker.Web.Infrastructure.Storage;

/// <summary>
/// Azure Blob Storage (Azurite in development and tests). Media is served by short-lived SAS redirects, signed with
/// the account key of a connection string, or with a user delegation key when the app signs in with Entra ID
/// (<paramref name="delegation"/>).
/// </summary>
public sealed class AzureBlobStore(BlobContainerClient container, TimeProvider clock, UserDelegationKeys? delegation = null)
    : IBlobStore
{
    public async Task PutAsync(string key, Stream content, string contentType, bool overwrite, CancellationToken ct)
    {
        var blob = Blob(key);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        // If-None-Match: * makes "do not overwrite" atomic on the service side.
        if (!overwrite) options.Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All };
        try
        {
            await blob.UploadAsync(content, options, ct);
        }
        catch (RequestFailedException e) when (!overwrite && e.Status is 409 or 412)
        {
            throw new BlobAlreadyExistsException(key);
        }
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        try
        {
            var response = await Blob(key).DownloadStreamingAsync(cancellationToken: ct);
            return response.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken ct) =>
        (await Blob(key).ExistsAsync(ct)).Value;

    public Task DeleteAsync(string key, CancellationToken ct) =>
        Blob(key).DeleteIfExistsAsync(cancellationToken: ct);

    public async Task<Uri?> GetDirectReadUriAsync(string key, TimeSpan lifetime, string? downloadName, CancellationToken ct)
    {
        var blob = Blob(key);
        var sas = Sas(key, lifetime, downloadName);
        if (delegation is null) return blob.CanGenerateSasUri ? blob.GenerateSasUri(sas) : null;
        var signingKey = await delegation.GetAsync(sas.ExpiresOn, ct);
        if (signingKey is null) return null;
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(signingKey, delegation.AccountName) }.ToUri();
    }

    /// <summary>
    /// A read-only SAS for one blob. With a download name, the SAS also sets the response's Content-Disposition and
    /// Cache-Control (the service honours these signed overrides), so the browser saves the file and keeps no copy.
    /// </summary>
    private BlobSasBuilder Sas(string key, TimeSpan lifetime, string? downloadName)
    {
        // Start a little in the past to tolerate clock skew between us and the storage service.
        var now = clock.GetUtcNow();
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, now + lifetime)
        {
            BlobContainerName = container.Name,
            BlobName = key,
            Resource = "b",
            StartsOn = now.AddMinutes(-2),
        };
        if (downloadName is not null)
        {
            var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(downloadName);
            sas.ContentDisposition = disposition.ToString();
            sas.CacheControl = "private, no-store";
        }
        return sas;
    }

    public async IAsyncEnumerable<BlobEntry> ListAsync(string prefix,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix.Length == 0 ? null : prefix,
                           ct))
        {
            yield return new BlobEntry(item.Name, item.Properties.ContentLength ?? 0,
                // An unknown age counts as new: nothing that relies on age (the orphan sweep) may touch it.
                item.Properties.LastModified ?? DateTimeOffset.MaxValue);
        }
    }

    public async Task CheckAvailableAsync(CancellationToken ct)
    {
        if (!(await container.ExistsAsync(ct)).Value)
            throw new InvalidOperationException($"Blob container '{container.Name}' does not exist.");
    }

    private BlobClient Blob(string key) =>
        BlobKeys.IsWellFormed(key)
            ? container.GetBlobClient(key)
            : throw new ArgumentException($"Malformed blob key '{key}'.", nameof(key));
}
