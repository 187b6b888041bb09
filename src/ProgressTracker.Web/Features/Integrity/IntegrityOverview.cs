namespace ProgressTracker.Web.Features.Integrity;

/// <summary>A stored finding with what the admin page shows beside it: the patient's record number and the photo.</summary>
public sealed record FindingView(StoredFinding Finding, string? PatientRecord, string? PhotoLabel)
{
    public bool IsPhoto => Finding.ResourceType == "photo";
    public string Title => FindingWords.Title(Finding);
    public string Advice => FindingWords.Advice(Finding);
}

public sealed record IntegrityOverviewData(IReadOnlyList<FindingView> Open, IReadOnlyList<FindingView> Resolved,
    int ResolvedTotal, IntegrityCheckRun? LastRun);

/// <summary>The admin page's read model: open findings oldest first, the latest resolved ones, and the last check.</summary>
public sealed class IntegrityOverview(AppDbContext db)
{
    public const int ResolvedShown = 50;

    public async Task<IntegrityOverviewData> LoadAsync(CancellationToken ct)
    {
        var open = await db.IntegrityFindings.AsNoTracking().Where(f => f.ResolvedAt == null).ToListAsync(ct);
        var resolved = await db.IntegrityFindings.AsNoTracking().Where(f => f.ResolvedAt != null)
            .OrderByDescending(f => f.ResolvedAt).Take(ResolvedShown).ToListAsync(ct);
        var resolvedTotal = await db.IntegrityFindings.CountAsync(f => f.ResolvedAt != null, ct);
        var lastRun = await db.IntegrityCheckRuns.AsNoTracking().OrderByDescending(r => r.CheckedAt).FirstOrDefaultAsync(ct);

        var all = open.Concat(resolved).ToList();
        var patientIds = all.Select(f => f.PatientId).Distinct().ToList();
        var records = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.RecordNumber, ct);
        var photoIds = all.Where(f => f.ResourceType == "photo").Select(f => f.ResourceId).Distinct().ToList();
        var photos = await db.Photos.AsNoTracking().Where(p => photoIds.Contains(p.Id))
            .Join(db.Visits, p => p.VisitId, v => v.Id, (p, v) => new { p.Id, p.View, v.Date })
            .ToDictionaryAsync(p => p.Id, p => $"{DisplayNames.Of(p.View)} · {p.Date:d MMM yyyy}", ct);
        FindingView View(StoredFinding f) => new(f, records.GetValueOrDefault(f.PatientId),
            f.ResourceType == "photo" ? photos.GetValueOrDefault(f.ResourceId) : null);
        return new IntegrityOverviewData(
            [.. open.OrderBy(f => f.FirstFoundAt).ThenBy(f => f.BlobKey, StringComparer.Ordinal).Select(View)],
            [.. resolved.Select(View)], resolvedTotal, lastRun);
    }
}

/// <summary>Findings in plain words, from the finding's kind and the shape of its key.</summary>
public static class FindingWords
{
    public static string Title(StoredFinding f) => f.Kind == FindingKind.HashMismatch
        ? "Stored original no longer matches its fingerprint"
        : Prefix(f.BlobKey) switch
        {
            "originals" => "Original file missing from storage",
            "derived" => "Display copy or thumbnail missing from storage",
            "aligned" => "Aligned image missing from storage",
            "exports" => "Export file missing from storage",
            "archives" => "Patient data archive missing from storage",
            "consents" => "Consent signature or form missing from storage",
            "cases" => "Marketing case image missing from storage",
            _ => "File missing from storage",
        };

    public static string Advice(StoredFinding f) => f.Kind == FindingKind.HashMismatch
        ? "The file in storage changed after upload. The record is kept; restore the original from a backup."
        : Prefix(f.BlobKey) switch
        {
            "originals" => "The photo's record is kept, but its untouched original is gone. Restore it from a backup.",
            "derived" or "aligned" => "The photo page cannot show this image. It was made from the original; restore it from a backup.",
            _ => "The record is kept. Restore the file from a backup.",
        };

    private static string Prefix(string key) => key.Split('/', 2)[0];
}
