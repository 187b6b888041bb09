using System.Text;
using ProgressTracker.Web.Infrastructure.Storage;

namespace ProgressTracker.Web.Tests.Storage;

/// <summary>One contract, run against every blob adapter: the app must not be able to tell them apart.</summary>
public abstract class BlobStoreContract
{
    protected abstract IBlobStore Store { get; }

    private static string NewKey() => $"contract/{Guid.NewGuid():N}/blob.bin";
    private static MemoryStream Bytes(string s) => new(Encoding.UTF8.GetBytes(s));

    [Fact]
    public async Task Put_then_read_returns_the_same_bytes()
    {
        var key = NewKey();
        await Store.PutAsync(key, Bytes("hello blob"), "application/octet-stream", overwrite: false, default);
        Assert.True(await Store.ExistsAsync(key, default));
        Assert.Equal("hello blob", await ReadAsync(key));
    }

    [Fact]
    public async Task Missing_blob_reads_as_null_and_deleting_it_is_not_an_error()
    {
        var key = NewKey();
        Assert.Null(await Store.OpenReadAsync(key, default));
        Assert.False(await Store.ExistsAsync(key, default));
        await Store.DeleteAsync(key, default);
    }

    [Fact]
    public async Task Put_without_overwrite_refuses_an_existing_key_and_keeps_the_first_content()
    {
        var key = NewKey();
        await Store.PutAsync(key, Bytes("first"), "text/plain", overwrite: false, default);
        await Assert.ThrowsAsync<BlobAlreadyExistsException>(() =>
            Store.PutAsync(key, Bytes("second"), "text/plain", overwrite: false, default));
        Assert.Equal("first", await ReadAsync(key));
    }

    [Fact]
    public async Task Put_with_overwrite_replaces_and_delete_removes()
    {
        var key = NewKey();
        await Store.PutAsync(key, Bytes("first"), "text/plain", overwrite: false, default);
        await Store.PutAsync(key, Bytes("second"), "text/plain", overwrite: true, default);
        Assert.Equal("second", await ReadAsync(key));
        await Store.DeleteAsync(key, default);
        Assert.False(await Store.ExistsAsync(key, default));
    }

    [Theory]
    [InlineData("../escape.bin")]
    [InlineData("/absolute.bin")]
    [InlineData("UPPER/case.bin")]
    [InlineData("")]
    public async Task Malformed_keys_are_refused(string key) =>
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.PutAsync(key, Bytes("x"), "text/plain", overwrite: true, default));

    [Fact]
    public async Task Listing_a_prefix_streams_exactly_its_blobs_with_size_and_last_modified()
    {
        var root = $"contract/{Guid.NewGuid():N}";
        var before = TimeProvider.System.GetUtcNow().AddMinutes(-5);
        await Store.PutAsync($"{root}/a/one.bin", Bytes("1"), "application/octet-stream", overwrite: false, default);
        await Store.PutAsync($"{root}/a/two.bin", Bytes("twenty-two"), "application/octet-stream", overwrite: false, default);
        await Store.PutAsync($"{root}/ab/three.bin", Bytes("333"), "application/octet-stream", overwrite: false, default);
        await Store.PutAsync($"{root}/b/deep/four.bin", Bytes("4444"), "application/octet-stream", overwrite: false, default);

        var all = await ListAsync($"{root}/");
        Assert.Equal([$"{root}/a/one.bin", $"{root}/a/two.bin", $"{root}/ab/three.bin", $"{root}/b/deep/four.bin"],
            all.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(10, all.Single(e => e.Key.EndsWith("two.bin", StringComparison.Ordinal)).Size);
        Assert.All(all, e => Assert.InRange(e.LastModified, before, TimeProvider.System.GetUtcNow().AddMinutes(5)));

        // A prefix is a string prefix, not a folder: "a" also matches "ab", "a/" does not.
        Assert.Equal(3, (await ListAsync($"{root}/a")).Count);
        Assert.Equal(2, (await ListAsync($"{root}/a/")).Count);
        Assert.Empty(await ListAsync($"{root}/missing/"));

        await Store.DeleteAsync($"{root}/a/one.bin", default);
        Assert.DoesNotContain(await ListAsync($"{root}/"), e => e.Key.EndsWith("one.bin", StringComparison.Ordinal));
    }

    private async Task<List<BlobEntry>> ListAsync(string prefix)
    {
        var entries = new List<BlobEntry>();
        await foreach (var entry in Store.ListAsync(prefix, default)) entries.Add(entry);
        return entries;
    }

    [Fact]
    public async Task Store_reports_itself_available() => await Store.CheckAvailableAsync(default);

    private async Task<string> ReadAsync(string key)
    {
        await using var stream = await Store.OpenReadAsync(key, default);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
