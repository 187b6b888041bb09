using System.Threading.Channels;

namespace ProgressTracker.Web.Features.Audit;

/// <summary>
/// Gives inserted entries their place in the hash chain, off the request path: about once a second and soon after
/// a write nudges it. One pass takes the unsealed rows in (At, Id) order and sets Sequence, PreviousHash and Hash.
/// On PostgreSQL several processes may run it: a transaction-scoped advisory lock lets one seal at a time, and the
/// unique index on Sequence refuses a duplicate if anything slipped past. SQLite is one process: the gate suffices.
/// </summary>
public sealed class AuditSealer(IServiceScopeFactory scopes, ILogger<AuditSealer> log)
    : BackgroundService
{
    /// <summary>Any fixed key, shared by every process of an install ("PTAUDIT" read as a number).</summary>
    private const string LockSql = "SELECT pg_advisory_xact_lock(22610637716998484)";
    private const int Batch = 500;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a pass soon; cheap and never blocks (extra nudges fold into one).</summary>
    public void Nudge() => _nudges.Writer.TryWrite(true);

    /// <summary>Seals everything unsealed now; returns how many entries it sealed.</summary>
    public async Task<int> SealAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var total = 0;
            int sealedNow;
            do total += sealedNow = await SealBatchAsync(ct);
            while (sealedNow == Batch);
            return total;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> SealBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync(LockSql, ct);
        var pending = await db.AuditEntries.Where(e => e.Sequence == null)
            .OrderBy(e => e.At).ThenBy(e => e.Id).Take(Batch).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        var last = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null)
            .OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var (sequence, previous) = (last?.Sequence ?? 0, last?.Hash);
        foreach (var entry in pending)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = previous = AuditChain.HashOf(entry);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return pending.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SealAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Unsealed rows stay as they are and are sealed on a later pass; a lost race is retried the same way.
                log.LogWarning(e, "Sealing audit entries failed; retrying in {Interval}", Interval);
            }
            // Pacing runs on real time, not the app's TimeProvider: a test's frozen clock must not stop the sealing.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(Interval);
            try
            {
                await _nudges.Reader.ReadAsync(wait.Token);
                await Task.Delay(TimeSpan.FromMilliseconds(50), stoppingToken); // gather a burst of writes into one pass
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }
        }
    }
}
