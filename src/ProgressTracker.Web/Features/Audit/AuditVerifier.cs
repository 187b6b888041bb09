namespace ProgressTracker.Web.Features.Audit;

/// <summary>The result of walking the chain: API shape <c>{ ok, checked, firstBrokenSequence }</c>.</summary>
public sealed record AuditVerification(bool Ok, long Checked, long? FirstBrokenSequence)
{
    /// <summary>Entries written but not sealed yet (they join the chain within about a second).</summary>
    public int Unsealed { get; init; }
    public DateTimeOffset VerifiedAt { get; init; }
}

/// <summary>
/// Walks the sealed entries by Sequence from 1 and recomputes each hash. The first entry that does not fit is
/// reported: an edited field (its hash differs), a deleted row (a gap: the missing sequence is reported), or rows
/// moved or re-linked (their PreviousHash no longer names the entry before). Reads in pages, holding no lock.
/// </summary>
public sealed class AuditVerifier(AppDbContext db, TimeProvider clock, AuditChainStatus status)
{
    private const int Page = 1000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var result = await WalkAsync(ct) with
        {
            Unsealed = await db.AuditEntries.CountAsync(e => e.Sequence == null, ct),
            VerifiedAt = clock.GetUtcNow(),
        };
        status.Last = result;
        return result;
    }

    private async Task<AuditVerification> WalkAsync(CancellationToken ct)
    {
        long expected = 1, checkedCount = 0;
        string? previous = null;
        while (true)
        {
            var from = expected;
            var page = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= from)
                .OrderBy(e => e.Sequence).Take(Page).ToListAsync(ct);
            if (page.Count == 0) return new AuditVerification(true, checkedCount, null);
            foreach (var entry in page)
            {
                if (entry.Sequence != expected) return Broken(checkedCount, expected); // a row is missing here
                if (entry.PreviousHash != previous || entry.Hash != AuditChain.HashOf(entry))
                    return Broken(checkedCount, expected);
                previous = entry.Hash;
                expected++;
                checkedCount++;
            }
        }
    }

    private static AuditVerification Broken(long checkedCount, long sequence) => new(false, checkedCount, sequence);
}

/// <summary>The latest verification in this process, for the admin page's chain indicator.</summary>
public sealed class AuditChainStatus
{
    public AuditVerification? Last { get; set; }
}
