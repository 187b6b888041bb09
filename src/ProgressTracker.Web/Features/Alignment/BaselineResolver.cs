using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Infrastructure.Data;

namespace ProgressTracker.Web.Features.Alignment;

/// <summary>
/// The baseline of a patient's view: the photo a clinician chose, or else the earliest Ready photo of that view
/// (by visit date, then upload time).
/// </summary>
public sealed class BaselineResolver(AppDbContext db)
{
    public async Task<Guid?> ResolveAsync(Guid patientId, PhotoView view, CancellationToken ct)
    {
        var chosen = await db.ViewBaselines.AsNoTracking()
            .Where(b => b.PatientId == patientId && b.View == view).Select(b => (Guid?)b.PhotoId).FirstOrDefaultAsync(ct);
        if (chosen is { } id && await db.Photos.AnyAsync(p => p.Id == id && p.Status == PhotoStatus.Ready, ct))
            return id;
        return await db.Photos.AsNoTracking()
            .Where(p => p.PatientId == patientId && p.View == view && p.Status == PhotoStatus.Ready)
            .OrderBy(p => p.Visit!.Date).ThenBy(p => p.UploadedAt)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<bool> IsChosenAsync(Guid patientId, PhotoView view, CancellationToken ct) =>
        await db.ViewBaselines.AnyAsync(b => b.PatientId == patientId && b.View == view, ct);
}
