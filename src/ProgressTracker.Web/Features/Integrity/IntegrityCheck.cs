namespace ProgressTracker.Web.Features.Integrity;

/// <summary>A row whose blob is gone, or an original whose bytes no longer match the hash recorded at upload.</summary>
public sealed record IntegrityFinding(FindingKind Kind, BlobOwnerKind Owner, Guid OwnerId, Guid PatientId, string Key,
    string Detail);

public sealed record IntegrityReport(DateTimeOffset CheckedAt, int RowsChecked, int ReferencesChecked,
    int OriginalsHashed, IReadOnlyList<IntegrityFinding> Findings)
{
    /// <summary>The originals re-hashed: only these can clear a hash-mismatch finding.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlySet<string> HashedKeys { get; init; } = new HashSet<string>();
    /// <summary>Every key a row references now: a finding about any other key has lost its row.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlySet<string> ReferencedKeys { get; init; } = new HashSet<string>();
}

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
        // Originals with an open mismatch are re-hashed every time, beside the random sample, so a restored file
        // clears its finding on the next check instead of whenever chance picks it.
        var suspect = (await db.IntegrityFindings.AsNoTracking()
            .Where(f => f.Kind == FindingKind.HashMismatch && f.ResolvedAt == null).Select(f => f.BlobKey)
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var stored = photos.Where(p => present.Contains(p.OriginalKey)).ToList();
        var sample = stored.Where(p => !suspect.Contains(p.OriginalKey))
            .OrderBy(_ => Random.Shared.Next()).Take(sampleSize ?? options.HashSampleSize)
            .Concat(stored.Where(p => suspect.Contains(p.OriginalKey))).ToList();
        var hashed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var photo in sample)
        {
            await using var stream = await blobs.OpenReadAsync(photo.OriginalKey, ct);
            if (stream is null) continue; // removed since the listing: the next check reports it missing
            var (_, hash) = await BlobFolder.CopyHashingAsync(stream, Stream.Null, ct);
            hashed.Add(photo.OriginalKey);
            if (!string.Equals(hash, photo.ContentHash, StringComparison.Ordinal))
                findings.Add(new IntegrityFinding(FindingKind.HashMismatch, BlobOwnerKind.Photo, photo.Id, photo.PatientId,
                    photo.OriginalKey, "The original's bytes differ from the hash recorded at upload."));
        }
        if (findings.Count > 0)
            log.LogWarning("Integrity check: {Missing} referenced files missing, {Mismatched} originals altered",
                findings.Count(f => f.Kind == FindingKind.Missing), findings.Count(f => f.Kind == FindingKind.HashMismatch));
        return new IntegrityReport(clock.GetUtcNow(), referenced.Select(r => r.OwnerId).Distinct().Count(),
            referenced.Count, hashed.Count, findings)
        {
            HashedKeys = hashed,
            ReferencedKeys = referenced.Select(r => r.Key).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>The periodic pass (<c>scheduled</c>) and "Check now" (<c>admin</c>).</summary>
    public Task RunAndRecordAsync(CancellationToken ct) => RunAndRecordAsync(null, "scheduled", ct);

    /// <summary>
    /// Runs the check, keeps its findings (<see cref="FindingLedger"/>) and writes each to the audit trail too, so a
    /// finding is never lost or hidden.
    /// </summary>
    public async Task<(IntegrityReport Report, LedgerOutcome Outcome)> RunAndRecordAsync(int? sampleSize,
        string trigger, CancellationToken ct)
    {
        var report = await RunAsync(sampleSize, ct);
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await FindingLedger.RecordAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), report,
            trigger, ct);
        var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        foreach (var f in report.Findings)
            await audit.RecordAsync(new AuditEvent(AuditActions.IntegrityFindingRecorded, AuditOutcome.Failed,
                ResourceType: EnumNames.ToKebab(f.Owner), ResourceId: f.OwnerId.ToString("D"),
                Detail: $"{EnumNames.ToKebab(f.Kind)}: {f.Key}"), ct);
        if (outcome.Resolved > 0)
            await audit.RecordAsync(new AuditEvent(AuditActions.IntegrityFindingsResolved, ResourceType: "integrity",
                Detail: $"{outcome.Resolved} finding(s) no longer seen"), ct);
        return (report, outcome);
    }
}
