namespace ProgressTracker.Web.Features.Demo;

public static class DemoSeeding
{
    public static void AddDemoSeeding(this IServiceCollection services, IConfiguration config,
        DatabaseProvider database, bool serving)
    {
        var options = new DemoOptions
        {
            Seed = serving && config.GetValue("Demo:Seed", database == DatabaseProvider.Sqlite),
        };
        services.AddSingleton(options);
        services.AddScoped<DemoSeeder>();
    }
}
