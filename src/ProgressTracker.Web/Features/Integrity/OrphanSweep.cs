namespace ProgressTracker.Web.Features.Integrity;

/// <summary>
/// Removes blobs that no row owns: the original of an upload whose row never committed, the derivatives of a photo
/// that does not exist, the file of an export or archive row that is gone. A blob is removed only when all hold:
/// its key has a shape this app writes (anything else is kept and counted), the row its key names does not exist,
/// and it is older than <see cref="IntegrityOptions.OrphanGrace"/>. Ownership is by row, not by exact key, so every
/// blob of an existing row (older derivative versions and alignment revisions too) is kept. Each removal is an audit
/// entry; the log carries counts only.
/// </summary>
public sealed class OrphanSweep(IServiceScopeFactory scopes, IBlobStore blobs, IntegrityOptions options,
    TimeProvider clock, ILogger<OrphanSweep> log)
{
    public sealed record Result(int Listed, int Removed, int Unknown);

    public async Task<Result> SweepAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.OrphanGrace;
        int listed = 0, removed = 0, unknown = 0;
        var batch = new List<(BlobEntry Blob, BlobOwner Owner)>();
        await foreach (var blob in blobs.ListAsync("", ct))
        {
            listed++;
            if (blob.LastModified >= cutoff) continue; // young: perhaps an upload whose row is still on its way
            if (BlobReferences.OwnerOf(blob.Key) is not { } owner) { unknown++; continue; }
            batch.Add((blob, owner));
            if (batch.Count < 500) continue;
            removed += await RemoveUnownedAsync(batch, ct);
            batch.Clear();
        }
        removed += await RemoveUnownedAsync(batch, ct);
        if (unknown > 0) log.LogWarning("Orphan sweep kept {Count} blobs whose key shape it does not know", unknown);
        if (removed > 0) log.LogInformation("Orphan sweep removed {Count} unreferenced blobs of {Listed}", removed, listed);
        return new Result(listed, removed, unknown);
    }

    private async Task<int> RemoveUnownedAsync(List<(BlobEntry Blob, BlobOwner Owner)> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        var existing = new HashSet<Guid>();
        foreach (var kind in batch.Select(b => b.Owner.Kind).Distinct())
        {
            var ids = batch.Where(b => b.Owner.Kind == kind).Select(b => b.Owner.Id).Distinct().ToList();
            existing.UnionWith(await ExistingAsync(db, kind, ids, ct));
        }
        var removed = 0;
        foreach (var (blob, owner) in batch.Where(b => !existing.Contains(b.Owner.Id)))
        {
            await blobs.DeleteAsync(blob.Key, ct);
            // The resource is the missing row (a key is longer than an audit resource id); the key is in the detail.
            await audit.RecordAsync(new AuditEvent(AuditActions.BlobOrphanRemoved,
                ResourceType: owner.Kind.ToString().ToLowerInvariant(), ResourceId: owner.Id.ToString("D"),
                Detail: $"{blob.Key}: no such row; {blob.Size} bytes, written {blob.LastModified:u}"), ct);
            removed++;
        }
        return removed;
    }

    private static Task<List<Guid>> ExistingAsync(AppDbContext db, BlobOwnerKind kind, List<Guid> ids, CancellationToken ct) =>
        kind switch
        {
            BlobOwnerKind.Photo => db.Photos.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct),
            BlobOwnerKind.Export => db.Exports.Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct),
            BlobOwnerKind.Archive => db.DataArchives.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct),
            BlobOwnerKind.Consent => db.Consents.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct),
            BlobOwnerKind.Case => db.MarketingCases.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)), // a new kind must be taught here before it is swept
        };
}
