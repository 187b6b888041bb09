using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Exports;

public static class ExportsFeature
{
    public static void AddExportsFeature(this IServiceCollection services, HostRoleOptions role)
    {
        services.AddScopedEach(typeof(CreateExportHandler), typeof(ExportLookup), typeof(ExportSources),
            typeof(RenderExportJob));
        services.AddSweep<ExportSweeper>(role);
    }
}
