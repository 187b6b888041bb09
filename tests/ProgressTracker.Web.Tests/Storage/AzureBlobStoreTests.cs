using System.Net;
using System.Text;
using Azure.Storage.Blobs;
using ProgressTracker.Web.Infrastructure.Storage;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Storage;

/// <summary>The contract against Azurite, plus the SAS link behaviour only Azure has.</summary>
[Trait(Tier.Name, Tier.Postgres)]
public sealed class AzureBlobStoreTests : BlobStoreContract
{
    private readonly AzureBlobStore _store;

    public AzureBlobStoreTests()
    {
        var container = new BlobContainerClient(TestServices.Azurite, $"contract{Guid.NewGuid():N}");
        container.CreateIfNotExists();
        _store = new AzureBlobStore(container, TimeProvider.System);
    }

    protected override IBlobStore Store => _store;

    [Fact]
    public async Task Direct_link_reads_only_that_blob_and_cannot_write()
    {
        var key = $"contract/{Guid.NewGuid():N}/photo.jpg";
        var other = $"contract/{Guid.NewGuid():N}/other.jpg";
        await _store.PutAsync(key, new MemoryStream(Encoding.UTF8.GetBytes("pixels")), "image/jpeg", false, default);
        await _store.PutAsync(other, new MemoryStream(Encoding.UTF8.GetBytes("other")), "image/jpeg", false, default);

        var uri = await _store.GetDirectReadUriAsync(key, TimeSpan.FromMinutes(1), null, default);

        Assert.NotNull(uri);
        using var http = new HttpClient();
        var read = await http.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("image/jpeg", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal("pixels", await read.Content.ReadAsStringAsync());
        var write = await http.PutAsync(uri, new StringContent("overwritten"));
        Assert.False(write.IsSuccessStatusCode);
        var sibling = new UriBuilder(uri!) { Path = uri!.AbsolutePath.Replace(key, other) }.Uri;
        Assert.False((await http.GetAsync(sibling)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Download_link_asks_the_browser_to_save_the_file_and_keep_no_copy()
    {
        var key = $"contract/{Guid.NewGuid():N}/export.jpg";
        await _store.PutAsync(key, new MemoryStream(Encoding.UTF8.GetBytes("pixels")), "image/jpeg", false, default);

        var uri = await _store.GetDirectReadUriAsync(key, TimeSpan.FromMinutes(1), "left-lateral-2026-03-12-vs-2026-09-10.jpg", default);

        Assert.NotNull(uri);
        using var http = new HttpClient();
        var read = await http.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("attachment", read.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("left-lateral-2026-03-12-vs-2026-09-10.jpg", read.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", read.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal("pixels", await read.Content.ReadAsStringAsync());
    }
}
