namespace ProgressTracker.Web.Infrastructure.Jobs;

/// <summary>
/// The loop every self-healing sweep shares: one pass at start, then one per <c>Jobs:SweepInterval</c>, each looking
/// for work unfinished for longer than <c>Jobs:StuckAfter</c>. A failed pass is logged and retried on the next tick.
/// </summary>
public abstract class PeriodicSweep(JobsOptions options, JobStorageKind storage, HostStartTime started,
    TimeProvider clock, ILogger log) : BackgroundService
{
    protected JobsOptions Options { get; } = options;
    protected TimeProvider Clock { get; } = clock;

    /// <summary>What is swept, for the log: "photos", "exports".</summary>
    protected abstract string WorkName { get; }

    /// <summary>Queues again (or gives up on) work unfinished since before the cutoff; returns how many were queued.</summary>
    public abstract Task<int> SweepAsync(DateTimeOffset cutoff, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // With in-memory job storage the queue died with the previous process: everything unfinished from before
        // this start is lost work. With persistent storage only genuinely old work is.
        var firstCutoff = storage.Persistent ? Clock.GetUtcNow() - Options.StuckAfter : started.Value;
        await SweepSafelyAsync(firstCutoff, stoppingToken);

        using var timer = new PeriodicTimer(Options.SweepInterval, Clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await SweepSafelyAsync(Clock.GetUtcNow() - Options.StuckAfter, stoppingToken);
    }

    private async Task SweepSafelyAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        try
        {
            var queued = await SweepAsync(cutoff, ct);
            if (queued > 0) log.LogInformation("Sweep queued {Count} unfinished {Work} again", queued, WorkName);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Sweep of {Work} failed; it will run again in {Interval}", WorkName, Options.SweepInterval);
        }
    }
}
