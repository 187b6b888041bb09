using ProgressTracker.Imaging.Memory;

namespace ProgressTracker.Web.Infrastructure.Hosting;

/// <summary>
/// Gives the pixel buffers the C heap keeps between photos (<see cref="NativeHeap"/>) back to the system once imaging
/// has been quiet for one to two <c>Imaging:ReleaseMemoryWhenIdleFor</c> periods, so a worker that was busy an hour
/// ago does not hold its busiest moment's memory all night.
/// </summary>
public sealed class NativeHeapTrimmer(IConfiguration config, TimeProvider clock, ILogger<NativeHeapTrimmer> log) : BackgroundService
{
    public const string PeriodSetting = "Imaging:ReleaseMemoryWhenIdleFor";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        log.LogInformation("Pixel buffers between photos: C heap mode {Mode}", NativeHeap.Mode);
        if (NativeHeap.Mode != NativeHeapMode.Keep) return;
        var period = config.GetValue(PeriodSetting, TimeSpan.FromSeconds(30));
        if (period <= TimeSpan.Zero) return;

        long seen = 0;
        using var timer = new PeriodicTimer(period, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (NativeHeap.TrimIfIdle(ref seen)) log.LogDebug("Imaging idle: kept pixel buffers returned to the system");
        }
    }
}
