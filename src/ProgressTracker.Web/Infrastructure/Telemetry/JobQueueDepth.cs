using System.Diagnostics.Metrics;
using Hangfire;

namespace ProgressTracker.Web.Infrastructure.Telemetry;

/// <summary>
/// Queue depth from Hangfire's monitoring API, read only when an exporter or listener collects. The storage is resolved
/// then, not at construction; an unreachable storage yields no measurement rather than an error in the collector.
/// </summary>
public sealed class JobQueueDepth(IServiceProvider services, ILogger<JobQueueDepth> log)
{
    public IEnumerable<Measurement<long>> Enqueued()
    {
        try
        {
            var api = services.GetRequiredService<JobStorage>().GetMonitoringApi();
            return api.Queues().Select(q => new Measurement<long>(q.Length, new KeyValuePair<string, object?>("queue", q.Name))).ToList();
        }
        catch (Exception e)
        {
            log.LogDebug(e, "Queue depth not available");
            return [];
        }
    }

    public IEnumerable<Measurement<long>> Processing()
    {
        try
        {
            return [new Measurement<long>(services.GetRequiredService<JobStorage>().GetMonitoringApi().ProcessingCount())];
        }
        catch (Exception e)
        {
            log.LogDebug(e, "Processing count not available");
            return [];
        }
    }
}
