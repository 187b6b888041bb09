using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProgressTracker.Web.Features.Health;

/// <summary>
/// `/health` is for load balancers and readiness probes: only `{status}` (healthy, degraded or unhealthy; 200, 200,
/// 503; the rule per role is on <see cref="HealthChecks"/>), because which stores the app uses and how they fail helps
/// an attacker more than a prober. `/health/live` checks nothing and answers 200 while the process serves HTTP, for
/// liveness probes. `/health/details` adds each check and is for admins. All are served by every role.
/// </summary>
public static class HealthEndpoints
{
    public static void MapAppHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions
        {
            // Open integrity findings are for admins (/health/details), not a reason to take an instance out.
            Predicate = c => !c.Tags.Contains(Integrity.IntegrityHealthCheck.DetailsOnly),
            ResponseWriter = WriteStatusAsync,
        });
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false, // no dependency: restarting this process would not bring a store back
            ResponseWriter = WriteStatusAsync,
        });
        endpoints.MapHealthChecks("/health/details", new HealthCheckOptions { ResponseWriter = WriteDetailsAsync })
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
    }

    private static Task WriteStatusAsync(HttpContext ctx, HealthReport report) =>
        WriteAsync(ctx, new { status = Name(report.Status) });

    private static Task WriteDetailsAsync(HttpContext ctx, HealthReport report) => WriteAsync(ctx, new
    {
        status = Name(report.Status),
        checks = report.Entries.ToDictionary(e => e.Key, e => new
        {
            status = Name(e.Value.Status),
            description = e.Value.Description,
        }),
    });

    private static Task WriteAsync(HttpContext ctx, object body)
    {
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();
}
