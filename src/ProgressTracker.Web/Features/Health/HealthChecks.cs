using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Health;

/// <summary>
/// The rule: <c>unhealthy</c> (503) when this process cannot do what its role is for, <c>degraded</c> (200) when it
/// still can but something behind it is impaired.
/// <list type="bullet">
/// <item>Database down: unhealthy in every role. Every page, every API call and every job starts from a row.</item>
/// <item>Blob store down: unhealthy in every role. The web role can neither take an upload nor show a photo (the
/// product's core read path), and every job reads or writes blobs, so a worker would only fail and retry.</item>
/// <item>Job storage down: degraded for a process that serves pages (web, or both roles in one). Pages, photos and
/// uploads still work: the upload's row stays Pending and the sweep queues it once the storage answers
/// (decision 0004). Unhealthy for a worker only: fetching jobs is all it does.</item>
/// </list>
/// Liveness probes use <c>/health/live</c>, which checks nothing, so an outage of a shared store never restarts
/// processes that would come back to the same outage.
/// </summary>
public static class HealthChecks
{
    /// <summary>A check that has not answered by then counts as failed, so a probe gets its answer in time.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static void AddAppHealthChecks(this IServiceCollection services, HostRoleOptions role) =>
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", HealthStatus.Unhealthy)
            .AddCheck<BlobStoreHealthCheck>("blob-store", HealthStatus.Unhealthy, [], Timeout)
            .AddCheck<JobStorageHealthCheck>("job-storage",
                role.ServesPages ? HealthStatus.Degraded : HealthStatus.Unhealthy, [], Timeout);
}

public sealed class BlobStoreHealthCheck(IBlobStore blobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await blobs.CheckAvailableAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The blob store does not answer.", e);
        }
    }
}

public sealed class JobStorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            // Resolved here, not injected: a storage that could not even be built is an outage to report, not a
            // reason for the health endpoint itself to fail.
            var storage = services.GetRequiredService<JobStorage>();
            using var connection = storage.GetConnection();
            connection.GetRecurringJobs(); // a real round trip to the job storage
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus,
                "The job storage does not answer.", e));
        }
    }
}
