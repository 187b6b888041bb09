using Microsoft.AspNetCore.Routing;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Infrastructure.Telemetry;

/// <summary>
/// The app's meter and activity source always exist (a listener in the process can read them at no cost when none
/// listens). The OpenTelemetry SDK and its OTLP exporter are added only when an endpoint is configured:
/// <c>Telemetry:OtlpEndpoint</c>, or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>. Without one nothing is collected
/// for export and nothing leaves the process (decision 0029).
/// </summary>
public static class TelemetryServices
{
    public static void AddAppTelemetry(this IServiceCollection services, IConfiguration config, HostRoleOptions role)
    {
        services.AddSingleton<JobQueueDepth>();
        services.AddSingleton<AppTelemetry>();
        var endpoint = config["Telemetry:OtlpEndpoint"] is { Length: > 0 } configured ? configured
            : config["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint)) return;
        var otlp = new Uri(endpoint);

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("progresstracker", serviceInstanceId: Environment.MachineName)
                .AddAttributes([new("progresstracker.role", role.Role.ToString().ToLowerInvariant())]))
            .WithTracing(t => t
                .AddSource(AppTelemetry.Name)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health");
                    // Paths carry patient and photo ids: report the route template instead.
                    o.EnrichWithHttpResponse = (activity, response) =>
                        activity.SetTag("url.path", (response.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText);
                })
                .AddHttpClientInstrumentation(o =>
                    // Blob URLs carry patient ids in their keys (and SAS tokens in queries): keep the origin only.
                    o.EnrichWithHttpRequestMessage = (activity, request) =>
                        activity.SetTag("url.full", request.RequestUri?.GetLeftPart(UriPartial.Authority)))
                .AddNpgsql()
                .AddOtlpExporter(o => o.Endpoint = otlp))
            .WithMetrics(m => m
                .AddMeter(AppTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = otlp));
    }
}
