using System.Security.Cryptography;
using ProgressTracker.Web.Features.Portal.Archive;
using ProgressTracker.Web.Infrastructure.Storage;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Portal;

/// <summary>The archive's zip goes to the store as it is written: whole when the writer finishes, absent when it fails.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class PipedUploadTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pt-blobs", Guid.NewGuid().ToString("N"));
    private readonly FileSystemBlobStore _store;

    public PipedUploadTests() => _store = new FileSystemBlobStore(_root);

    [Fact]
    public async Task What_the_writer_writes_arrives_whole_while_far_more_than_the_pipe_holds_passes_through()
    {
        var data = RandomNumberGenerator.GetBytes(8 << 20); // eight times the pipe's buffer
        var written = await PipedUpload.PutAsync(_store, "archives/test/whole.zip", "application/zip", async (stream, ct) =>
        {
            for (var offset = 0; offset < data.Length; offset += 100_000)
                await stream.WriteAsync(data.AsMemory(offset, Math.Min(100_000, data.Length - offset)), ct);
            return data.Length;
        }, default);

        Assert.Equal(data.Length, written);
        await using var stored = (await _store.OpenReadAsync("archives/test/whole.zip", default))!;
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        Assert.True(data.AsSpan().SequenceEqual(copy.ToArray()), "the stored blob differs from what was written");
    }

    [Fact]
    public async Task A_writer_that_fails_half_way_leaves_no_blob_and_its_error_surfaces()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PipedUpload.PutAsync<int>(_store, "archives/test/broken.zip", "application/zip", async (stream, ct) =>
            {
                await stream.WriteAsync(RandomNumberGenerator.GetBytes(3 << 20), ct);
                throw new InvalidOperationException("a photo could not be read");
            }, default));

        Assert.Equal("a photo could not be read", error.Message);
        Assert.False(await _store.ExistsAsync("archives/test/broken.zip", default));
        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
