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
        services.AddScopedEach(typeof(PhotoPipeline), typeof(ProcessPhotoJob), typeof(AlignPhotoJob),
            typeof(BaselineResolver), typeof(AlignedDerivatives));
        services.AddSweep<PhotoSweeper>(role);
    }
}
