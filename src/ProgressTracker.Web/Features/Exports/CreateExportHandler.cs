using System.Globalization;
using ProgressTracker.Imaging.Composition;

namespace ProgressTracker.Web.Features.Exports;

/// <summary>
/// Checks an export request against the patient's photos, stores it as Pending and queues its rendering. Every
/// refusal is a 400 whose detail names the photo or value at fault and what to choose instead.
/// </summary>
public sealed class CreateExportHandler(AppDbContext db, JobQueue queue, TimeProvider clock, IAuditTrail audit)
{
    public async Task<Result<Export>> HandleAsync(Patient patient,
        CreateExportRequest request, Guid? userId, CancellationToken ct)
    {
        if (!EnumNames.TryParse<ExportKind>(request.Kind, out var kind))
            return Fail($"'{request.Kind}' is not an export kind; use one of {EnumNames.Allowed<ExportKind>()}.", "Unknown export kind");
        if (!EnumNames.TryParse<PhotoView>(request.View, out var view))
            return Fail($"'{request.View}' is not a view; use one of {EnumNames.Allowed<PhotoView>()}.", "Unknown view");

        var ids = new List<Guid>();
        foreach (var raw in request.PhotoIds ?? [])
        {
            if (!Guid.TryParse(raw, out var id))
                return Fail($"'{Short(raw)}' is not a valid photo id; ids are GUIDs as the timeline lists them.", "Invalid photo id");
            if (ids.Contains(id)) return Fail($"Photo {id} is listed twice; each photo can appear once.", "Duplicate photo");
            ids.Add(id);
        }
        if (CompositionRules.CountProblem(ExportFiles.Composition(kind), ids.Count) is { } count)
            return Fail(count, "Wrong number of photos");
        var watermark = string.IsNullOrWhiteSpace(request.Watermark) ? null : request.Watermark.Trim();
        if (CompositionRules.WatermarkProblem(watermark) is { } badWatermark) return Fail(badWatermark, "Invalid watermark");

        var photos = await db.Photos.AsNoTracking().Include(p => p.Visit)
            .Where(p => ids.Contains(p.Id) && p.PatientId == patient.Id).ToDictionaryAsync(p => p.Id, ct);
        foreach (var id in ids)
        {
            // A photo of another patient is "not of this patient", never confirmed to exist.
            if (!photos.TryGetValue(id, out var photo))
                return Fail($"Photo {id} is not a photo of this patient; choose photos from this patient's timeline.", "Unknown photo");
            var taken = photo.Visit!.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
            if (photo.View != view)
                return Fail($"The photo of {taken} ({id}) is a {EnumNames.ToKebab(photo.View)} photo; this export is of " +
                            $"{EnumNames.ToKebab(view)} photos. Choose photos of one view.", "Mixed views");
            if (photo.Status != PhotoStatus.Ready)
                return Fail(photo.Status == PhotoStatus.Failed
                    ? $"The photo of {taken} ({id}) could not be processed ({photo.FailureReason}); choose another photo."
                    : $"The photo of {taken} ({id}) is still being processed; wait a few seconds and try again.", "Photo not ready");
        }

        var now = clock.GetUtcNow();
        var cropToHip = request.CropToHip ?? false;
        var export = new Export
        {
            PatientId = patient.Id, Kind = kind, View = view, PhotoIds = ids, Aligned = request.Aligned ?? true,
            Watermark = watermark, CropToHip = cropToHip, CreatedBy = userId, CreatedAt = now,
            FileName = ExportFiles.Name(kind, view, cropToHip, ids.Select(id => photos[id].Visit!.Date).ToList()),
        };
        export.MarkQueued(now);
        db.Exports.Add(export);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditEvents.OfExport(AuditActions.ExportMade, export), ct);
        RenderExportJob.Enqueue(queue, export.Id);
        return export;
    }

    private static Rejection Fail(string detail, string title) => Rejection.Invalid(detail, title);

    private static string Short(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
