namespace ProgressTracker.Web.Infrastructure.Hosting;

/// <summary>How every options class is read: once, at start-up, and registered for the features that need it.</summary>
public static class Settings
{
    /// <summary>Binds <paramref name="section"/> (defaults when absent) and registers the result as a singleton.</summary>
    public static T AddSettings<T>(this IServiceCollection services, IConfiguration config, string section)
        where T : class, new()
    {
        var options = config.GetSection(section).Get<T>() ?? new T();
        services.AddSingleton(options);
        return options;
    }

    /// <summary>A setting the chosen provider cannot run without: a clear start-up error names it.</summary>
    public static string Required(string? value, string whenMissing) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException(whenMissing) : value;
}
