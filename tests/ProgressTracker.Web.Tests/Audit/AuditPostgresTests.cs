using Npgsql;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Audit.AuditTrailSupport;

namespace ProgressTracker.Web.Tests.Audit;

/// <summary>
/// The production shape: two sealers (as two processes would run) share the chain through PostgreSQL's advisory
/// lock without a duplicate or a gap; the triggers refuse edits, deletes and TRUNCATE; with them disabled by the
/// table's owner, an edit is found at its sequence. An app of its own, since it breaks its chain on purpose.
/// </summary>
[Trait(Tier.Name, Tier.Postgres)]
public sealed class AuditPostgresTests
{
    [Fact]
    public async Task Two_sealers_share_one_chain_and_the_database_refuses_edits_until_its_owner_disables_the_triggers()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Production);
        var second = ActivatorUtilities.CreateInstance<AuditSealer>(app.Services); // a second process's sealer
        var first = app.Services.GetRequiredService<AuditSealer>();
        for (var round = 0; round < 5; round++)
        {
            await RecordAsync(app, 40);
            await FlushAsync(app);
            await Task.WhenAll(first.SealAsync(default), second.SealAsync(default));
        }
        var sequences = (await EntriesAsync(app)).Select(e => e.Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long?)i), sequences);
        Assert.True((await VerifyAsync(app)).Ok);

        await Assert.ThrowsAsync<PostgresException>(() => SqlAsync(app, "UPDATE \"AuditEntries\" SET \"Detail\" = 'x' WHERE \"Sequence\" = 5"));
        await Assert.ThrowsAsync<PostgresException>(() => SqlAsync(app, "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 5"));
        await Assert.ThrowsAsync<PostgresException>(() => SqlAsync(app, "TRUNCATE \"AuditEntries\""));

        await DropTriggersAsync(app);
        Assert.Equal(1, await SqlAsync(app, "UPDATE \"AuditEntries\" SET \"Ip\" = '10.0.0.9' WHERE \"Sequence\" = 17"));
        var result = await VerifyAsync(app);
        Assert.False(result.Ok);
        Assert.Equal(17, result.FirstBrokenSequence);
    }
}
