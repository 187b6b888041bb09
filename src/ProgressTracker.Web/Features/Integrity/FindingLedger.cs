namespace ProgressTracker.Web.Features.Integrity;

/// <summary>What one recorded check changed: findings opened for the first time, still open, and resolved.</summary>
public sealed record LedgerOutcome(int New, int Open, int Resolved);

/// <summary>
/// Keeps <see cref="StoredFinding"/> rows in step with the checks. A finding seen again only moves its "last seen";
/// a new one opens a row (at most one open row per blob and kind). An open finding is resolved only by a check that
/// could have seen it: every check looks for every referenced blob, so a missing file no longer missing (or no longer
/// referenced by any row) is resolved; a hash mismatch is resolved only when this check re-hashed that original and it
/// matched, or its row is gone. Nothing here touches a photo row or a blob.
/// </summary>
public static class FindingLedger
{
    public static async Task<LedgerOutcome> RecordAsync(AppDbContext db, IntegrityReport report, string trigger,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyAsync(db, report, trigger, ct);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another worker opened the same finding in the meantime (the unique index said no): start over
                // from what is stored now, which then counts it as already open.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<LedgerOutcome> ApplyAsync(AppDbContext db, IntegrityReport report, string trigger,
        CancellationToken ct)
    {
        var now = report.CheckedAt;
        var open = (await db.IntegrityFindings.Where(f => f.ResolvedAt == null).ToListAsync(ct))
            .ToDictionary(f => (f.BlobKey, f.Kind));
        var seen = new HashSet<(string, FindingKind)>();
        var added = 0;
        foreach (var f in report.Findings)
        {
            if (!seen.Add((f.Key, f.Kind))) continue;
            if (open.TryGetValue((f.Key, f.Kind), out var existing))
            {
                existing.LastSeenAt = now;
                continue;
            }
            db.IntegrityFindings.Add(new StoredFinding
            {
                Kind = f.Kind, ResourceType = EnumNames.ToKebab(f.Owner), ResourceId = f.OwnerId,
                PatientId = f.PatientId, BlobKey = f.Key, FirstFoundAt = now, LastSeenAt = now,
            });
            added++;
        }
        var resolved = 0;
        foreach (var ((key, kind), finding) in open)
        {
            if (seen.Contains((key, kind))) continue;
            var clear = kind == FindingKind.Missing || report.HashedKeys.Contains(key) || !report.ReferencedKeys.Contains(key);
            if (!clear) continue;
            finding.ResolvedAt = now;
            resolved++;
        }
        db.IntegrityCheckRuns.Add(new IntegrityCheckRun
        {
            CheckedAt = now, Trigger = trigger, RowsChecked = report.RowsChecked,
            ReferencesChecked = report.ReferencesChecked, OriginalsHashed = report.OriginalsHashed,
            Missing = report.Findings.Count(f => f.Kind == FindingKind.Missing),
            Mismatched = report.Findings.Count(f => f.Kind == FindingKind.HashMismatch), Resolved = resolved,
        });
        await db.SaveChangesAsync(ct);
        return new LedgerOutcome(added, seen.Count, resolved);
    }
}
