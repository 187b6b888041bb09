using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProgressTracker.Web.Features.Health;

/// <summary>
/// `/health` is for load balancers and anyone else: only `{status}`, healthy or unhealthy, because which stores the
/// app uses and how they fail helps an attacker more than a prober. `/health/details` adds each check and is for
/// admins. Both are served by every role, workers included.
/// </summary>
public static class HealthEndpoints
{
    public static void MapAppHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteStatusAsync });
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
