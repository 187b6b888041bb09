using Azure.Storage.Blobs;
using Npgsql;
using ProgressTracker.Stack;
using ProgressTracker.Web.Infrastructure.Hosting;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Scale;

/// <summary>
/// What counts as "a dependency is down" (503 + Retry-After) rather than a fault of ours (500): the real exceptions
/// the real clients throw when nothing listens, and ordinary bugs, which must stay 500s.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class DependencyOutageTests
{
    [Fact]
    public async Task A_database_that_does_not_answer_is_an_outage()
    {
        var closed = FreePorts.Next();
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={closed};Username=x;Timeout=3");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.OpenAsync());
        Assert.True(DependencyOutage.IsOutage(new InvalidOperationException("wrapped", error)), error.ToString());
    }

    [Fact]
    public async Task A_blob_service_that_does_not_answer_is_an_outage()
    {
        var closed = FreePorts.Next();
        var options = new BlobClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(3) } };
        var container = new BlobContainerClient(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;", "photos", options);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => container.ExistsAsync());
        Assert.True(DependencyOutage.IsOutage(error), error.ToString());
    }

    [Fact]
    public void Our_own_faults_are_not_outages()
    {
        Assert.False(DependencyOutage.IsOutage(new InvalidOperationException("a bug")));
        Assert.False(DependencyOutage.IsOutage(new NullReferenceException()));
        Assert.False(DependencyOutage.IsOutage(new Azure.RequestFailedException(404, "not found")));
        Assert.False(DependencyOutage.IsOutage(new Azure.RequestFailedException(403, "forbidden")));
    }
}
