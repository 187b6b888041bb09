using Hangfire;
using ProgressTracker.Web.Infrastructure.Jobs;

namespace ProgressTracker.Web.Features.Photos.Processing;

/// <summary>Queues photo work. Jobs carry only the photo id; the job reloads everything else from the row.</summary>
public sealed class PhotoProcessingQueue(IBackgroundJobClient jobs, ILogger<PhotoProcessingQueue> log)
{
    /// <summary>
    /// Never throws: if the job storage is down the row stays Pending and the sweep queues it later, so an upload
    /// that was stored is never reported as failed.
    /// </summary>
    public void EnqueueProcess(Guid photoId)
    {
        try
        {
            jobs.Enqueue<ProcessPhotoJob>(JobsOptions.ImagingQueue, j => j.RunAsync(photoId, CancellationToken.None));
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not queue processing for photo {PhotoId}; the sweep will retry", photoId);
        }
    }
}
