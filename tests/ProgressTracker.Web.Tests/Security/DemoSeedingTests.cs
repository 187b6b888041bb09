using ProgressTracker.Web.Features.Demo;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Security;

/// <summary>
/// Demo accounts with known passwords must never appear in a real clinic's database: seeding happens only when asked
/// for (./run.sh asks), never on PostgreSQL, and the passwords are shown once, when they are made.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class DemoSeedingTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "pt-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Seeding_is_off_unless_asked_for()
    {
        await using var app = await TestApp.BuildOnlyAsync($"--App:DataDirectory={_data}");
        Assert.False(app.Services.GetRequiredService<DemoOptions>().Seed);
    }

    [Fact]
    public void Seeding_on_postgres_is_refused_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AppHost.Build(
        [
            $"--App:DataDirectory={_data}", "--Database:Provider=Postgres",
            "--ConnectionStrings:Postgres=Host=127.0.0.1;Port=1;Database=none", "--Demo:Seed=true",
        ]));
        Assert.Contains("Demo:Seed", error.Message);
    }

    [Fact]
    public void Run_script_turns_seeding_on_and_the_container_keeps_it_off()
    {
        var root = RepositoryRoot();
        Assert.Contains("--Demo:Seed=true", File.ReadAllText(Path.Combine(root, "run.sh")));
        var dockerfile = File.ReadAllText(Path.Combine(root, "infra", "Dockerfile"));
        Assert.Contains("Demo__Seed=false", dockerfile);
        Assert.DoesNotContain("Demo__Seed=true", dockerfile);
        Assert.Contains("Demo__Seed: \"false\"", File.ReadAllText(Path.Combine(root, "docker-compose.yml")));
    }

    [Fact]
    public async Task Demo_passwords_are_printed_when_made_and_not_at_later_starts()
    {
        var output = new StringWriter();
        await using var app = await TestApp.StartAsync(StorageMode.Embedded,
            services => services.AddSingleton(new DemoAnnouncer(output)), seedDemo: true);
        var accounts = await File.ReadAllLinesAsync(Path.Combine(app.DataDirectory, "demo-accounts.txt"));
        var passwords = accounts.Select(a => a.Split('\t')[2]).ToList();
        Assert.All(passwords, p => Assert.Contains(p, output.ToString()));

        await app.StopAsync();
        output.GetStringBuilder().Clear();
        await app.StartAsync("All");
        var later = output.ToString();
        Assert.All(passwords, p => Assert.DoesNotContain(p, later));
        Assert.Contains("demo-accounts.txt", later); // where to find them again
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ProgressTracker.sln"))) return dir.FullName;
        throw new InvalidOperationException("ProgressTracker.sln not found above the test folder.");
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}
