namespace ProgressTracker.Web.Features.Alignment;

/// <summary>A clinician's corrections to the pipeline's alignment: landmarks, reset, choice of baseline.</summary>
public static class AlignmentFeature
{
    public static void AddAlignmentFeature(this IServiceCollection services) =>
        services.AddScoped<ManualAlignmentHandler>();
}
