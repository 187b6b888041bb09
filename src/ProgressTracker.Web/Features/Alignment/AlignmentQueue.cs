using Hangfire;
using ProgressTracker.Web.Infrastructure.Jobs;

namespace ProgressTracker.Web.Features.Alignment;

/// <summary>Queues alignment by photo id. Never throws: the sweep re-queues Pending alignments it finds.</summary>
public sealed class AlignmentQueue(IBackgroundJobClient jobs, ILogger<AlignmentQueue> log)
{
    public void Enqueue(Guid photoId)
    {
        try
        {
            jobs.Enqueue<AlignPhotoJob>(JobsOptions.ImagingQueue, j => j.RunAsync(photoId, CancellationToken.None));
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not queue alignment for photo {PhotoId}; the sweep will retry", photoId);
        }
    }
}
