namespace ProgressTracker.Web.Features.Demo;

public static class DemoSeeding
{
    /// <summary>
    /// Seeding is off unless Demo:Seed=true (./run.sh sets it). On PostgreSQL it is refused outright: demo accounts
    /// whose passwords were printed to a console must never reach a real clinic's database, and a start that fails
    /// with the reason is harder to miss than a warning in a log.
    /// </summary>
    public static void AddDemoSeeding(this IServiceCollection services, IConfiguration config,
        DatabaseProvider database, bool serving)
    {
        var seed = serving && config.GetValue("Demo:Seed", false);
        if (seed && database == DatabaseProvider.Postgres)
            throw new InvalidOperationException(
                "Demo:Seed=true is refused with Database:Provider=Postgres: the demo clinic (accounts with printed " +
                "passwords) is only for the embedded SQLite default. Remove Demo:Seed or set it to false.");
        services.AddSingleton(new DemoOptions { Seed = seed });
        services.AddSingleton(new DemoAnnouncer(Console.Out));
        services.AddScoped<DemoSeeder>();
    }
}
