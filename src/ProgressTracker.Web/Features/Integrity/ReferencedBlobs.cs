namespace ProgressTracker.Web.Features.Integrity;

/// <summary>One blob a row references: its key, the kind and id of the row, and the patient it belongs to.</summary>
public sealed record ReferencedBlob(string Key, BlobOwnerKind Kind, Guid OwnerId, Guid PatientId);

/// <summary>Every blob the database references, streamed row by row (photos may be many).</summary>
public static class ReferencedBlobs
{
    public static async IAsyncEnumerable<ReferencedBlob> AllAsync(AppDbContext db,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var photos = db.Photos.AsNoTracking().Select(p => new
        {
            p.PatientId, p.Id, p.OriginalKey, p.MasterKey, p.ThumbKey, p.DisplayKey, p.DerivativesVersion,
            p.Alignment.Matrix, AlignmentStatus = p.Alignment.Status, p.Alignment.Revision,
        }).AsAsyncEnumerable();
        await foreach (var p in photos.WithCancellation(ct))
        {
            var columns = new PhotoBlobColumns(p.PatientId, p.Id, p.OriginalKey, p.MasterKey, p.ThumbKey, p.DisplayKey,
                p.DerivativesVersion, PhotoAlignment.HasImage(p.Matrix, p.AlignmentStatus), p.Revision);
            foreach (var key in BlobReferences.Of(columns))
                yield return new ReferencedBlob(key, BlobOwnerKind.Photo, p.Id, p.PatientId);
        }
        foreach (var e in await db.Exports.AsNoTracking().Where(e => e.ResultKey != null)
                     .Select(e => new { e.Id, e.PatientId, e.ResultKey }).ToListAsync(ct))
            yield return new ReferencedBlob(e.ResultKey!, BlobOwnerKind.Export, e.Id, e.PatientId);
        foreach (var a in await db.DataArchives.AsNoTracking().Where(a => a.ResultKey != null)
                     .Select(a => new { a.Id, a.PatientId, a.ResultKey }).ToListAsync(ct))
            yield return new ReferencedBlob(a.ResultKey!, BlobOwnerKind.Archive, a.Id, a.PatientId);
        foreach (var c in await db.Consents.AsNoTracking().Where(c => c.SignatureKey != null || c.FormKey != null)
                     .Select(c => new { c.Id, c.PatientId, c.SignatureKey, c.FormKey }).ToListAsync(ct))
        {
            if (c.SignatureKey is not null) yield return new ReferencedBlob(c.SignatureKey, BlobOwnerKind.Consent, c.Id, c.PatientId);
            if (c.FormKey is not null) yield return new ReferencedBlob(c.FormKey, BlobOwnerKind.Consent, c.Id, c.PatientId);
        }
        foreach (var m in await db.MarketingCases.AsNoTracking().Where(m => m.ImageKey != null)
                     .Select(m => new { m.Id, m.PatientId, m.ImageKey }).ToListAsync(ct))
            yield return new ReferencedBlob(m.ImageKey!, BlobOwnerKind.Case, m.Id, m.PatientId);
    }
}
