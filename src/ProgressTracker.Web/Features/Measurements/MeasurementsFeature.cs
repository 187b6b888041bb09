using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Measurements;

/// <summary>The measured hip contour: a pipeline step after alignment, the series per view, its chart and CSV.</summary>
public static class MeasurementsFeature
{
    public static void AddMeasurementsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MeasurementOptions>().Bind(configuration.GetSection(MeasurementOptions.Section))
            .Validate(o => o.MarkerSizeMm is null or > 0 and < 1000, "Measurement:MarkerSizeMm must be a size in millimetres.")
            .Validate(o => o.RepeatabilityFloorPct is >= 0 and < 10, "Measurement:RepeatabilityFloorPct must be 0–10.")
            .ValidateOnStart();
        services.AddScopedEach(typeof(MeasurePhotoJob), typeof(MeasurementSeries), typeof(MeasuredOutcomeQuery));
    }
}
