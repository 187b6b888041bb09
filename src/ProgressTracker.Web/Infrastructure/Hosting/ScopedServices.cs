namespace ProgressTracker.Web.Infrastructure.Hosting;

public static class ScopedServices
{
    /// <summary>
    /// Registers plain classes (handlers, queries, job steps) that live for one request or one job, each under its
    /// own type: a feature lists its classes in one line instead of one registration each.
    /// </summary>
    public static IServiceCollection AddScopedEach(this IServiceCollection services, params Type[] types)
    {
        foreach (var type in types) services.AddScoped(type);
        return services;
    }
}
