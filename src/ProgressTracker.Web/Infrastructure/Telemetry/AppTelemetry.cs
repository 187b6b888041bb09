using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ProgressTracker.Web.Infrastructure.Telemetry;

/// <summary>
/// The app's own instruments, meter and activity source both named "ProgressTracker". Tags are low-cardinality words
/// (outcome, step, queue, format) and never personal data: no patient or user ids, names, e-mail addresses or file
/// names. The one id on a job step's activity is the photo's opaque id, which the logs already carry for correlation.
/// </summary>
public sealed class AppTelemetry
{
    public const string Name = "ProgressTracker";

    /// <summary>One per process: activities are routed by source name, and listeners filter by what they need.</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _uploads;
    private readonly Histogram<long> _uploadBytes;
    private readonly Histogram<double> _uploadDuration;
    private readonly Histogram<double> _jobDuration;
    private readonly Counter<long> _jobFailures;

    public AppTelemetry(IMeterFactory meters, JobQueueDepth depth)
    {
        // From the host's factory, so each host (tests start several in one process) has its own meter.
        var meter = meters.Create(Name);
        _uploads = meter.CreateCounter<long>("progresstracker.uploads", "{upload}",
            "Photo uploads by outcome: accepted, duplicate, or rejected-<reason>.");
        _uploadBytes = meter.CreateHistogram<long>("progresstracker.upload.size", "By", "Size of accepted originals.");
        _uploadDuration = meter.CreateHistogram<double>("progresstracker.upload.duration", "s",
            "From the upload handler's start to the row committed and processing queued.");
        _jobDuration = meter.CreateHistogram<double>("progresstracker.photo_job.duration", "s",
            "One photo pipeline step, by step and outcome.");
        _jobFailures = meter.CreateCounter<long>("progresstracker.job.failures", "{failure}",
            "Job runs that threw (Hangfire retries them) or gave the photo up as failed, by step.");
        meter.CreateObservableGauge("progresstracker.jobs.queued", depth.Enqueued, "{job}", "Jobs waiting, per queue.");
        meter.CreateObservableGauge("progresstracker.jobs.processing", depth.Processing, "{job}", "Jobs running now.");
    }

    public void UploadFinished(string outcome, long bytes, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _uploads.Add(1, tag);
        _uploadDuration.Record(elapsed.TotalSeconds, tag);
        if (outcome == "accepted") _uploadBytes.Record(bytes);
    }

    public void PhotoJobFinished(string step, string outcome, TimeSpan elapsed)
    {
        _jobDuration.Record(elapsed.TotalSeconds, new("step", step), new("outcome", outcome));
        if (outcome is "error" or "failed") _jobFailures.Add(1, new KeyValuePair<string, object?>("step", step));
    }
}
