namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// Every <c>Marketing:TakedownInterval</c>, withdraws cases whose consents no longer hold (an expiry needs no
/// request), and queues again cases whose rendering was lost. Its cadence runs on the real clock; what "today" is
/// comes from the app's clock. Runs in every process that runs jobs; withdrawing twice is harmless.
/// </summary>
public sealed class TakedownSweep(IServiceScopeFactory scopes, MarketingOptions options, JobsOptions jobs, TimeProvider clock,
    ILogger<TakedownSweep> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.TakedownInterval);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Takedown sweep failed; trying again on the next tick");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SweepOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var withdrawn = await scope.ServiceProvider.GetRequiredService<CaseWithdrawals>().SweepAsync(ct);
        if (withdrawn > 0) log.LogInformation("Takedown sweep withdrew {Count} case(s)", withdrawn);

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cutoff = clock.GetUtcNow() - jobs.StuckAfter;
        var stuck = await db.MarketingCases.Where(c => c.Status == CaseStatus.Rendering && c.StatusChangedAt < cutoff)
            .OrderBy(c => c.StatusChangedAt).Take(100).ToListAsync(ct);
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        var now = clock.GetUtcNow();
        foreach (var c in stuck)
        {
            if (c.Attempts >= jobs.MaxAttempts) c.MarkFailed($"Rendering did not finish after {c.Attempts} attempts; edit the case to try again.", now);
            else c.MarkQueued(now);
        }
        await db.SaveChangesAsync(ct);
        foreach (var c in stuck.Where(c => c.Status == CaseStatus.Rendering)) RenderCaseJob.Enqueue(queue, c.Id);
    }
}
