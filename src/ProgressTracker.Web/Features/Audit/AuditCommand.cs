using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Audit;

/// <summary>
/// `audit verify`: walks the hash chain of the configured database (same configuration as the server).
/// Exit codes: 0 the chain is intact, 1 it is broken (the first broken sequence is printed), 2 bad arguments.
/// </summary>
public static class AuditCommand
{
    public const string Usage = "Usage: audit verify [--Database:Provider=… and other settings as for the server]";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "audit";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[1] != "verify" || args.Skip(2).Any(a => !a.StartsWith("--", StringComparison.Ordinal)))
        {
            await Console.Error.WriteLineAsync(args.Length < 2 ? "Missing sub-command." : $"Unknown arguments: {string.Join(' ', args[1..])}");
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        await using var app = AppHost.Build(args[2..], AppHost.Purpose.Command);
        await DataServices.MigrateAsync(app.Services, CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IAuditTrail>()
            .RecordAsync(AuditEvents.Verified(result, "cli"), CancellationToken.None);
        var waiting = result.Unsealed > 0 ? $" ({result.Unsealed} newer entries are not sealed yet)" : "";
        if (result.Ok)
        {
            Console.WriteLine($"Audit chain intact: {result.Checked} entries checked{waiting}.");
            return 0;
        }
        Console.WriteLine($"Audit chain BROKEN at sequence {result.FirstBrokenSequence} " +
                          $"({result.Checked} entries before it are intact){waiting}.");
        return 1;
    }
}
