using ProgressTracker.Web.Features.Photos.Pipeline;
using ProgressTracker.Web.Features.Photos.Upload;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Photos;

public static class PhotoFeature
{
    public static void AddPhotoFeature(this IServiceCollection services, HostRoleOptions role)
    {
        services.AddScoped<UploadPhotoHandler>();
        // The pipeline: its steps, the rules they share, and the sweep that heals it.
        services.AddScoped<PhotoPipeline>();
        services.AddScoped<ProcessPhotoJob>();
        services.AddScoped<AlignPhotoJob>();
        services.AddScoped<BaselineResolver>();
        services.AddScoped<MasterImages>();
        services.AddScoped<AlignedDerivatives>();
        services.AddSingleton<PhotoSweeper>();
        // The sweep runs wherever jobs run; a web-only process leaves it to the workers.
        if (role.RunsJobs) services.AddHostedService(sp => sp.GetRequiredService<PhotoSweeper>());
    }
}
