using System.Threading.Channels;

namespace ProgressTracker.Web.Features.Audit;

/// <summary>
/// Takes audit rows off the request path: a request hands its row over and goes on; this writer inserts whatever has
/// gathered in one transaction (one commit for a burst of thumbnail views instead of one each), then nudges the
/// sealer. Stopping the host drains the queue first. Where the host is not running (a command), rows are written at
/// once. The cost: a crash can lose the rows of the last few milliseconds (docs/security/audit.md).
/// </summary>
public sealed class AuditWriter(IServiceScopeFactory scopes, AuditSealer sealer, ILogger<AuditWriter> log)
    : BackgroundService
{
    private const int Batch = 500;
    /// <summary>Bounded so a stalled database slows requests down rather than filling memory.</summary>
    private readonly Channel<AuditEntry> _queue = Channel.CreateBounded<AuditEntry>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private long _queued;
    private long _written;
    private volatile bool _running;

    public async Task WriteAsync(AuditEntry row, CancellationToken ct)
    {
        if (!_running)
        {
            await InsertAsync([row]);
            return;
        }
        Interlocked.Increment(ref _queued);
        await _queue.Writer.WriteAsync(row, ct);
    }

    /// <summary>Waits until every row handed over before this call is in the database (tests, benchmarks).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var target = Interlocked.Read(ref _queued);
        while (_running && Interlocked.Read(ref _written) < target) await Task.Delay(5, ct);
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _running = true;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var rows = new List<AuditEntry>(Batch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken)) await DrainAsync(rows);
        }
        catch (OperationCanceledException)
        {
        }
        _running = false;
        await DrainAsync(rows); // what was handed over before the stop is still written
    }

    private async Task DrainAsync(List<AuditEntry> rows)
    {
        while (true)
        {
            rows.Clear();
            while (rows.Count < Batch && _queue.Reader.TryRead(out var row)) rows.Add(row);
            if (rows.Count == 0) return;
            await InsertAsync(rows);
            Interlocked.Add(ref _written, rows.Count);
        }
    }

    private async Task InsertAsync(IReadOnlyList<AuditEntry> rows)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AuditEntries.AddRange(rows);
            await db.SaveChangesAsync(CancellationToken.None);
            sealer.Nudge();
        }
        catch (Exception e) when (e is not OperationCanceledException) // the writer must outlive a bad moment
        {
            log.LogError(e, "Could not write {Count} audit entries, first {Action}", rows.Count, rows[0].Action);
        }
    }
}
