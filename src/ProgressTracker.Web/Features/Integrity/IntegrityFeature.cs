using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Integrity;

public static class IntegrityFeature
{
    public static void AddIntegrityFeature(this IServiceCollection services, IConfiguration config, HostRoleOptions role)
    {
        var options = services.AddSettings<IntegrityOptions>(config, IntegrityOptions.Section);
        services.AddSingleton<OrphanSweep>();
        services.AddSingleton<IntegrityCheck>();
        services.AddScoped<IntegrityOverview>();
        services.AddHealthChecks().AddCheck<IntegrityHealthCheck>("integrity", HealthStatus.Degraded,
            [IntegrityHealthCheck.DetailsOnly]);
        if (!role.RunsJobs || !options.Enabled) return;
        services.AddHostedService(sp => new IntegrityLoop("orphan sweep", options.OrphanSweepInterval,
            ct => sp.GetRequiredService<OrphanSweep>().SweepAsync(ct),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<IntegrityLoop>>()));
        services.AddHostedService(sp => new IntegrityLoop("integrity check", options.CheckInterval,
            ct => sp.GetRequiredService<IntegrityCheck>().RunAndRecordAsync(ct),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<IntegrityLoop>>()));
    }

    /// <summary><c>GET /api/v1/admin/integrity?sample=N</c>: runs the check now (Admin role), like <c>audit/verify</c>.</summary>
    public static void MapIntegrityEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/admin/integrity", async (IntegrityCheck check, CancellationToken ct, int? sample) =>
                TypedResults.Ok(await check.RunAsync(sample is null ? null : Math.Clamp(sample.Value, 0, 10_000), ct)))
            .WithTags("Admin").RequireAuthorization(Policies.Admin)
            .WithSummary("Rows whose files are missing, and a random sample of originals re-hashed against their upload hash.");
}

/// <summary>
/// Runs one integrity task where jobs run: first one interval after start (never in the rush of a start-up), then
/// every interval. Several workers may run it at once: a removal or a finding is idempotent. A failed pass is logged
/// and tried again next time.
/// </summary>
public sealed class IntegrityLoop(string name, TimeSpan interval, Func<CancellationToken, Task> pass, TimeProvider clock,
    ILogger<IntegrityLoop> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await pass(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The {Task} failed; it runs again in {Interval}", name, interval);
            }
        }
    }
}
