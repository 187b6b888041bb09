using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Shared.Api;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;

namespace ProgressTracker.Web.Features.Exports;

/// <summary>Reads exports for a caller who may make them; anything else is "not found" (existence is sensitive).</summary>
public sealed class ExportLookup(AppDbContext db, RecordAccess access)
{
    public async Task<Export?> FindAsync(Guid exportId, ClaimsPrincipal user, CancellationToken ct)
    {
        var export = await db.Exports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == exportId, ct);
        if (export is null) return null;
        var patient = await access.PatientAsync(export.PatientId, user, PatientOperations.Export, ct);
        return patient.Access == Access.Granted ? export : null;
    }

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
