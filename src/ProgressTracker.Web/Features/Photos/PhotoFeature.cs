using ProgressTracker.Web.Features.Photos.Processing;
using ProgressTracker.Web.Features.Photos.Upload;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Photos;

public static class PhotoFeature
{
    public static void AddPhotoFeature(this IServiceCollection services, HostRoleOptions role)
    {
        services.AddScoped<UploadPhotoHandler>();
        services.AddScoped<PhotoProcessingQueue>();
        services.AddScoped<ProcessPhotoJob>();
        services.AddSingleton<PhotoSweeper>();
        // The sweep runs wherever jobs run; a web-only process leaves it to the workers.
        if (role.RunsJobs) services.AddHostedService(sp => sp.GetRequiredService<PhotoSweeper>());
    }
}
