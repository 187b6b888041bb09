using ProgressTracker.Web.Infrastructure.Storage;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Storage;

[Trait(Tier.Name, Tier.Fast)]
public sealed class FileSystemBlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pt-blobs", Guid.NewGuid().ToString("N"));
    private readonly FileSystemBlobStore _store;

    public FileSystemBlobStoreTests() => _store = new FileSystemBlobStore(_root);

    protected override IBlobStore Store => _store;

    [Fact]
    public async Task Files_cannot_be_linked_directly_so_the_app_streams_them() =>
        Assert.Null(await _store.GetDirectReadUriAsync("contract/x.bin", TimeSpan.FromMinutes(1), null, default));

    [Fact]
    public async Task Downloads_cannot_be_linked_directly_either() =>
        Assert.Null(await _store.GetDirectReadUriAsync("contract/x.bin", TimeSpan.FromMinutes(1), "x.jpg", default));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
