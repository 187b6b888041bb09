using Hangfire;

namespace ProgressTracker.Web.Features.Photos.Pipeline;

/// <summary>The steps a photo goes through after upload, in order.</summary>
public enum PhotoStep { Process, Align, Measure }

/// <summary>
/// The photo pipeline in one place: queuing a step, running it, and what follows each outcome (a processed photo
/// is aligned; an alignment to a new baseline realigns the rest of the view). The steps themselves know nothing of
/// each other. A job carries only the step and the photo id, and every step reloads its row and is idempotent.
/// A photo is measured after every alignment (its pose check depends on it).
/// </summary>
public sealed class PhotoPipeline(JobQueue queue, IServiceProvider services)
{
    public void Enqueue(PhotoStep step, Guid photoId) =>
        queue.Enqueue<PhotoPipeline>(p => p.RunAsync(step, photoId, CancellationToken.None), $"photo step {step}", photoId);

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120])]
    [Queue(JobsOptions.ImagingQueue)]
    public async Task RunAsync(PhotoStep step, Guid photoId, CancellationToken ct)
    {
        // Steps are resolved when they run, so queuing one (an upload request) builds none of the imaging machinery.
        switch (step)
        {
            case PhotoStep.Process:
                var processed = await services.GetRequiredService<ProcessPhotoJob>().RunAsync(photoId, ct);
                if (processed == ProcessPhotoJob.Outcome.Ready) Enqueue(PhotoStep.Align, photoId);
                break;
            case PhotoStep.Align:
                var aligned = await services.GetRequiredService<AlignPhotoJob>().RunAsync(photoId, ct);
                foreach (var other in aligned.StaleOfView) Enqueue(PhotoStep.Align, other);
                Enqueue(PhotoStep.Measure, photoId);
                break;
            case PhotoStep.Measure:
                await services.GetRequiredService<Measurements.MeasurePhotoJob>().RunAsync(photoId, ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown photo step.");
        }
    }
}
