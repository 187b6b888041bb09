using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProgressTracker.Web.Features.Integrity;

/// <summary>
/// <c>integrity</c> on <c>/health/details</c>: degraded while any finding is open. The process works either way, so
/// it is left out of <c>/health</c> (tag <see cref="DetailsOnly"/>): a probe must not take an instance out of service,
/// nor tell the world, because a file went missing.
/// </summary>
public sealed class IntegrityHealthCheck(AppDbContext db) : IHealthCheck
{
    public const string DetailsOnly = "details-only";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var open = await db.IntegrityFindings.CountAsync(f => f.ResolvedAt == null, ct);
        return open == 0
            ? HealthCheckResult.Healthy("No open integrity findings.")
            : HealthCheckResult.Degraded($"{open} open integrity finding{(open == 1 ? "" : "s")}; see /admin/integrity.");
    }
}
