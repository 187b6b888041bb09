namespace ProgressTracker.Web.Features.Exports;

/// <summary>A patient's exports for a caller already allowed to see them (one export is read through RecordAccess).</summary>
public sealed class ExportLookup(AppDbContext db)
{
    /// <summary>A patient's exports, newest first.</summary>
    public async Task<(IReadOnlyList<Export> Items, int Total)> ListAsync(Guid patientId, int page, int pageSize,
        CancellationToken ct)
    {
        var query = db.Exports.AsNoTracking().Where(e => e.PatientId == patientId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }
}
