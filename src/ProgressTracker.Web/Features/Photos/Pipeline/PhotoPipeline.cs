using System.Diagnostics;
using Hangfire;
using ProgressTracker.Web.Infrastructure.Telemetry;

namespace ProgressTracker.Web.Features.Photos.Pipeline;

/// <summary>The steps a photo goes through after upload, in order.</summary>
public enum PhotoStep { Process, Align, Measure }

/// <summary>
/// The photo pipeline in one place: queuing a step, running it, and what follows each outcome (a processed photo
/// is aligned; an alignment to a new baseline realigns the rest of the view). The steps themselves know nothing of
/// each other. A job carries only the step and the photo id, and every step reloads its row and is idempotent.
/// A photo is measured after every alignment (its pose check depends on it).
/// </summary>
public sealed class PhotoPipeline(JobQueue queue, IServiceProvider services, AppTelemetry telemetry)
{
    public void Enqueue(PhotoStep step, Guid photoId) =>
        queue.Enqueue<PhotoPipeline>(p => p.RunAsync(step, photoId, CancellationToken.None), $"photo step {step}", photoId);

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120])]
    [Queue(JobsOptions.ImagingQueue)]
    public async Task RunAsync(PhotoStep step, Guid photoId, CancellationToken ct)
    {
        var name = EnumNames.ToKebab(step);
        using var activity = AppTelemetry.Source.StartActivity($"photo {name}");
        activity?.SetTag("photo.step", name);
        activity?.SetTag("photo.id", photoId); // opaque; the logs carry the same id
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            outcome = await RunStepAsync(step, photoId, ct);
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name); // the type only: messages may hold paths
            throw;
        }
        finally
        {
            activity?.SetTag("outcome", outcome);
            telemetry.PhotoJobFinished(name, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<string> RunStepAsync(PhotoStep step, Guid photoId, CancellationToken ct)
    {
        // Steps are resolved when they run, so queuing one (an upload request) builds none of the imaging machinery.
        switch (step)
        {
            case PhotoStep.Process:
                var processed = await services.GetRequiredService<ProcessPhotoJob>().RunAsync(photoId, ct);
                if (processed == ProcessPhotoJob.Outcome.Ready) Enqueue(PhotoStep.Align, photoId);
                return EnumNames.ToKebab(processed);
            case PhotoStep.Align:
                var aligned = await services.GetRequiredService<AlignPhotoJob>().RunAsync(photoId, ct);
                foreach (var other in aligned.StaleOfView) Enqueue(PhotoStep.Align, other);
                Enqueue(PhotoStep.Measure, photoId);
                return "done";
            case PhotoStep.Measure:
                var measured = await services.GetRequiredService<Measurements.MeasurePhotoJob>().RunAsync(photoId, ct);
                return measured ? "done" : "skipped";
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown photo step.");
        }
    }
}
