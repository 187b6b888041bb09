namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// Heals lost case renderings the way the export sweep does: a case still rendering after <c>Jobs:StuckAfter</c> is
/// queued again, and marked failed with a readable reason after <c>Jobs:MaxAttempts</c>.
/// </summary>
public sealed class CaseSweeper(SweepSettings settings, ILogger<CaseSweeper> log) : PeriodicSweep(settings, log)
{
    protected override string WorkName => "cases";

    protected override async Task<int> SweepAsync(IServiceProvider services, DateTimeOffset cutoff, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var stuck = await db.MarketingCases.Where(c => c.Status == CaseStatus.Rendering && c.StatusChangedAt < cutoff)
            .OrderBy(c => c.StatusChangedAt).Take(100).ToListAsync(ct);
        var toQueue = RequeueOrGiveUp(stuck, attempts => $"Rendering did not finish after {attempts} attempts; edit the case to try again.");
        await db.SaveChangesAsync(ct);
        var queue = services.GetRequiredService<JobQueue>();
        foreach (var id in toQueue) RenderCaseJob.Enqueue(queue, id);
        return toQueue.Count;
    }
}
