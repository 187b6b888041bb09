namespace ProgressTracker.Web.Features.Alignment;

public static class AlignmentFeature
{
    public static void AddAlignmentFeature(this IServiceCollection services)
    {
        services.AddScoped<BaselineResolver>();
        services.AddScoped<MasterImages>();
        services.AddScoped<AlignedDerivatives>();
        services.AddScoped<AlignmentQueue>();
        services.AddScoped<AlignPhotoJob>();
        services.AddScoped<ManualAlignmentHandler>();
    }
}
