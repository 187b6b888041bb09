using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Portal.Archive;

public static class ArchiveFeature
{
    public static void AddArchiveFeature(this IServiceCollection services, HostRoleOptions role)
    {
        services.AddScopedEach(typeof(ArchiveRequests), typeof(ArchiveContents), typeof(ArchiveWriter),
            typeof(BuildArchiveJob));
        services.AddSweep<ArchiveSweeper>(role);
    }
}
