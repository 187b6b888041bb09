using Hangfire;
using ProgressTracker.Web.Infrastructure.Jobs;

namespace ProgressTracker.Web.Features.Exports;

/// <summary>Queues rendering by export id. Never throws: the sweep re-queues exports whose job was lost.</summary>
public sealed class ExportQueue(IBackgroundJobClient jobs, ILogger<ExportQueue> log)
{
    public void Enqueue(Guid exportId)
    {
        try
        {
            jobs.Enqueue<RenderExportJob>(JobsOptions.ImagingQueue, j => j.RunAsync(exportId, CancellationToken.None));
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not queue export {ExportId}; the sweep will retry", exportId);
        }
    }
}
