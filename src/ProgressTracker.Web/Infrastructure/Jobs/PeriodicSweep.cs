using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Infrastructure.Jobs;

/// <summary>
/// The loop every self-healing sweep shares: one pass at start, then one per <c>Jobs:SweepInterval</c>, each looking
/// for work unfinished for longer than <c>Jobs:StuckAfter</c>. A failed pass is logged and retried on the next tick.
/// </summary>
public abstract class PeriodicSweep(SweepSettings settings, ILogger log) : BackgroundService
{
    private readonly JobStorageKind storage = settings.Storage;
    private readonly HostStartTime started = settings.Started;
    protected JobsOptions Options { get; } = settings.Options;
    protected TimeProvider Clock { get; } = settings.Clock;

    /// <summary>What is swept, for the log: "photos", "exports".</summary>
    protected abstract string WorkName { get; }

    /// <summary>Queues again (or gives up on) work unfinished since before the cutoff; returns how many were queued.</summary>
    public async Task<int> SweepAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var scope = settings.Scopes.CreateAsyncScope();
        return await SweepAsync(scope.ServiceProvider, cutoff, ct);
    }

    /// <summary>One pass, with services from a scope of its own.</summary>
    protected abstract Task<int> SweepAsync(IServiceProvider services, DateTimeOffset cutoff, CancellationToken ct);

    /// <summary>
    /// Stuck work is marked queued again, or failed with <paramref name="giveUpReason"/> once it has used up
    /// <c>Jobs:MaxAttempts</c>. Returns the ids to queue after the caller has saved.
    /// </summary>
    protected List<Guid> RequeueOrGiveUp(IEnumerable<ISweptWork> stuck, Func<int, string> giveUpReason)
    {
        var now = Clock.GetUtcNow();
        var toQueue = new List<Guid>();
        foreach (var work in stuck)
        {
            if (work.Attempts >= Options.MaxAttempts)
                work.MarkFailed(giveUpReason(work.Attempts), now);
            else
            {
                work.MarkQueued(now);
                toQueue.Add(work.Id);
            }
        }
        return toQueue;
    }

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

public static class SweepRegistration
{
    /// <summary>One instance per process; it sweeps wherever jobs run, and a web-only process leaves it to workers.</summary>
    public static void AddSweep<TSweep>(this IServiceCollection services, HostRoleOptions role)
        where TSweep : PeriodicSweep
    {
        services.AddSingleton<TSweep>();
        if (role.RunsJobs) services.AddHostedService(sp => sp.GetRequiredService<TSweep>());
    }
}

/// <summary>What every sweep needs from the host: job settings, whether queued jobs survive a restart, when this
/// process started, the clock, and scopes for its database work.</summary>
public sealed record SweepSettings(JobsOptions Options, JobStorageKind Storage, HostStartTime Started,
    TimeProvider Clock, IServiceScopeFactory Scopes);
