namespace ProgressTracker.Web.Features.Integrity;

public enum FindingKind { Missing, HashMismatch }

/// <summary>A row whose blob is gone, or an original whose bytes no longer match the hash recorded at upload.</summary>
public sealed record IntegrityFinding(FindingKind Kind, BlobOwnerKind Owner, Guid OwnerId, Guid PatientId, string Key,
    string Detail);

public sealed record IntegrityReport(DateTimeOffset CheckedAt, int ReferencesChecked, int OriginalsHashed,
    IReadOnlyList<IntegrityFinding> Findings);

/// <summary>
/// Checks that every blob a row references exists (rows first, then one listing of the store: a row committed later
/// cannot be reported missing), and re-hashes a random sample of originals against their recorded ContentHash.
/// Read-only: it reports, it never deletes or hides anything.
/// </summary>
public sealed class IntegrityCheck(IServiceScopeFactory scopes, IBlobStore blobs, IntegrityOptions options,
    TimeProvider clock, ILogger<IntegrityCheck> log)
{
    public async Task<IntegrityReport> RunAsync(int? sampleSize, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var referenced = new List<ReferencedBlob>();
        await foreach (var blob in ReferencedBlobs.AllAsync(db, ct)) referenced.Add(blob);
        var present = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in blobs.ListAsync("", ct)) present.Add(blob.Key);

        var findings = referenced.Where(r => !present.Contains(r.Key))
            .Select(r => new IntegrityFinding(FindingKind.Missing, r.Kind, r.OwnerId, r.PatientId, r.Key,
                "The row references this file but storage does not have it."))
            .ToList();

        var photos = await db.Photos.AsNoTracking()
            .Select(p => new { p.Id, p.PatientId, p.OriginalKey, p.ContentHash }).ToListAsync(ct);
        var sample = photos.Where(p => present.Contains(p.OriginalKey))
            .OrderBy(_ => Random.Shared.Next()).Take(sampleSize ?? options.HashSampleSize).ToList();
        foreach (var photo in sample)
        {
            await using var stream = await blobs.OpenReadAsync(photo.OriginalKey, ct);
            if (stream is null) continue; // removed since the listing: the next check reports it missing
            var (_, hash) = await BlobFolder.CopyHashingAsync(stream, Stream.Null, ct);
            if (!string.Equals(hash, photo.ContentHash, StringComparison.Ordinal))
                findings.Add(new IntegrityFinding(FindingKind.HashMismatch, BlobOwnerKind.Photo, photo.Id, photo.PatientId,
                    photo.OriginalKey, "The original's bytes differ from the hash recorded at upload."));
        }
        if (findings.Count > 0)
            log.LogWarning("Integrity check: {Missing} referenced files missing, {Mismatched} originals altered",
                findings.Count(f => f.Kind == FindingKind.Missing), findings.Count(f => f.Kind == FindingKind.HashMismatch));
        return new IntegrityReport(clock.GetUtcNow(), referenced.Count, sample.Count, findings);
    }

    /// <summary>The periodic pass: each finding is also written to the audit trail, so it is never lost or hidden.</summary>
    public async Task RunAndRecordAsync(CancellationToken ct)
    {
        var report = await RunAsync(null, ct);
        await using var scope = scopes.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        foreach (var f in report.Findings)
            await audit.RecordAsync(new AuditEvent(AuditActions.IntegrityFindingRecorded, AuditOutcome.Failed,
                ResourceType: f.Owner.ToString().ToLowerInvariant(), ResourceId: f.OwnerId.ToString("D"),
                Detail: $"{EnumNames.ToKebab(f.Kind)}: {f.Key}"), ct);
    }
}
