using ProgressTracker.Web.Features.Marketing;
using ProgressTracker.Web.Features.Portal.Archive;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Portal;

/// <summary>The patient portal: pages under /me (folder policy Patient) and the patient's own API under /api/v1/me.</summary>
public static class PortalFeature
{
    public static void AddPortalFeature(this IServiceCollection services, IConfiguration config, HostRoleOptions role)
    {
        services.AddSettings<PortalOptions>(config, PortalOptions.Section);
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
