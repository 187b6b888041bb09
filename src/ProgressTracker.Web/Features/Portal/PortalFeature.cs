using ProgressTracker.Web.Features.Marketing;
using ProgressTracker.Web.Features.Portal.Archive;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Portal;

/// <summary>The patient portal: pages under /me (folder policy Patient) and the patient's own API under /api/v1/me.</summary>
public static class PortalFeature
{
    public static void AddPortalFeature(this IServiceCollection services, IConfiguration config, HostRoleOptions role)
    {
        var options = services.AddSettings<PortalOptions>(config, PortalOptions.Section);
        // The demo clinic shows patients their measurements unless told otherwise; a real clinic opts in.
        if (config[$"{PortalOptions.Section}:{nameof(PortalOptions.ShowMeasurements)}"] is null && config.GetValue("Demo:Seed", false))
            options.ShowMeasurements = true;
        services.AddScopedEach(typeof(DeletionRequests), typeof(AccessLog));
        services.AddArchiveFeature(role);
    }

    public static void MapPortalEndpoints(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Portal");
        me.MapAccessLogEndpoint();
        me.MapArchiveEndpoints();
        me.MapPatientCaseEndpoints();
    }
}
