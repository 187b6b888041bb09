using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Exports;

public static class ExportsFeature
{
    public static void AddExportsFeature(this IServiceCollection services, HostRoleOptions role)
    {
        services.AddScoped<CreateExportHandler>();
        services.AddScoped<ExportLookup>();
        services.AddScoped<ExportSources>();
        services.AddScoped<RenderExportJob>();
        services.AddSingleton<ExportSweeper>();
        // The sweep runs wherever jobs run; a web-only process leaves it to the workers.
        if (role.RunsJobs) services.AddHostedService(sp => sp.GetRequiredService<ExportSweeper>());
    }
}
