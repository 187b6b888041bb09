namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// Every <c>Marketing:TakedownInterval</c>, withdraws cases whose consents no longer hold (an expiry needs no
/// request). Its cadence runs on the real clock, because a takedown's deadline is real time; what "today" is comes
/// from the app's clock. Runs in every process that runs jobs; withdrawing twice is harmless. (Lost renderings are
/// <see cref="CaseSweeper"/>'s.)
/// </summary>
public sealed class TakedownSweep(IServiceScopeFactory scopes, MarketingOptions options, ILogger<TakedownSweep> log) : BackgroundService
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
    }
}
