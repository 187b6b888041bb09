using System.Linq.Expressions;
using Hangfire;

namespace ProgressTracker.Web.Infrastructure.Jobs;

/// <summary>
/// Queues background work on the imaging queue. Jobs carry ids only; the job reloads everything else from its row.
/// </summary>
public sealed class JobQueue(IBackgroundJobClient jobs, ILogger<JobQueue> log)
{
    /// <summary>
    /// Never throws: if the job storage is down, the row keeps its unfinished state and the sweep queues it later,
    /// so a request whose data was stored is never reported as failed.
    /// </summary>
    public void Enqueue<TJob>(Expression<Func<TJob, Task>> run, string work, Guid id)
    {
        try
        {
            jobs.Enqueue(JobsOptions.ImagingQueue, run);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not queue {Work} for {Id}; the sweep will retry", work, id);
        }
    }
}
