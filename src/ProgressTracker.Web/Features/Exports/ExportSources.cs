using System.Globalization;
using ProgressTracker.Imaging.Composition;
using ProgressTracker.Web.Features.Photos.Pipeline;
using ProgressTracker.Web.Features.Photos;
using ProgressTracker.Web.Features.Timeline;
using ProgressTracker.Web.Features.Visits;

namespace ProgressTracker.Web.Features.Exports;

/// <summary>An export's inputs could not be gathered; the message is the export's failure reason.</summary>
public sealed class ExportInputException(string message) : Exception(message);

/// <summary>The panels of one export, each with its encoded image.</summary>
public sealed record ExportSource(string Title, IReadOnlyList<CompositionPanel> Panels);

/// <summary>
/// Loads each photo of an export: its display-size image aligned to the baseline when the export asks for aligned
/// images and the photo is aligned (not merely awaiting review) to the view's current baseline, else its display
/// derivative, labelled "not aligned" in an aligned export; labels it with its date and week; and, when asked, finds the hip crop (see <see cref="HipRegion"/>: on the baseline for aligned images,
/// which share its canvas, on the photo itself otherwise).
/// </summary>
public sealed class ExportSources(AppDbContext db, IBlobStore blobs, BaselineResolver baselines)
{
    public async Task<ExportSource> LoadAsync(Export export, Func<int, Task> loaded, CancellationToken ct)
    {
        var photos = await db.Photos.AsNoTracking().Where(p => export.PhotoIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var visits = await db.Visits.AsNoTracking().Where(v => v.PatientId == export.PatientId)
            .OrderBy(v => v.Date).ThenBy(v => v.CreatedAt).ToListAsync(ct);
        var course = new TreatmentCourse(visits.Select(VisitDto.From).ToList());
        var baselineId = export.Aligned ? await baselines.ResolveAsync(export.PatientId, export.View, ct) : null;
        CropBand? baselineBand = null;

        var panels = new List<CompositionPanel>();
        foreach (var id in export.PhotoIds)
        {
            if (!photos.TryGetValue(id, out var photo) || photo.PatientId != export.PatientId || photo.Status != PhotoStatus.Ready)
                throw new ExportInputException("A photo of this export was removed or is no longer ready; create the export again.");
            var date = visits.First(v => v.Id == photo.VisitId).Date;
            var taken = date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
            // A needs-review alignment is never presented as aligned (its aligned image exists for inspection only).
            var aligned = baselineId is { } b && photo.Alignment.BaselinePhotoId == b && photo.Alignment.IsConfirmed;
            var key = aligned
                ? BlobKeys.Aligned(photo.PatientId, photo.Id, photo.Alignment.Revision, BlobVariant.Display)
                : BlobKeys.Derivative(photo.PatientId, photo.Id, BlobVariant.Display, photo.DerivativesVersion ?? 0);
            var image = await blobs.ReadAllBytesAsync(key, ct)
                        ?? throw new ExportInputException($"The image of the photo of {taken} is missing from storage; create the export again later.");
            panels.Add(new CompositionPanel(image, ExportLabels.For(course, date, notAligned: export.Aligned && !aligned)));

            if (export.CropToHip)
            {
                var band = aligned
                    ? baselineBand ??= await BaselineBandAsync(photos, baselineId!.Value, image, ct)
                    : HipRegion.Find(image, ct);
                panels[^1] = panels[^1] with
                {
                    Crop = band ?? throw new ExportInputException(
                        $"The hip region could not be found in the photo of {taken}; export it without \u201Ccrop to hip region\u201D."),
                };
            }
            await loaded(panels.Count);
        }
        return new ExportSource(DisplayNames.Of(export.View), panels);
    }

    /// <summary>The band on the baseline's own display image, the canvas every aligned image shares; failing that, on the aligned image.</summary>
    private async Task<CropBand?> BaselineBandAsync(Dictionary<Guid, Photo> known, Guid baselineId, byte[] aligned, CancellationToken ct)
    {
        var baseline = known.GetValueOrDefault(baselineId)
                       ?? await db.Photos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == baselineId, ct);
        if (baseline?.DerivativesVersion is { } version)
        {
            var image = await blobs.ReadAllBytesAsync(BlobKeys.Derivative(baseline.PatientId, baseline.Id, BlobVariant.Display, version), ct);
            if (image is not null && HipRegion.Find(image, ct) is { } band) return band;
        }
        return HipRegion.Find(aligned, ct);
    }
}
