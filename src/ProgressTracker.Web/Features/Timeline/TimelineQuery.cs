using ProgressTracker.Web.Features.Patients;
using ProgressTracker.Web.Features.Photos;
using ProgressTracker.Web.Features.Photos.Pipeline;
using ProgressTracker.Web.Features.Visits;

namespace ProgressTracker.Web.Features.Timeline;

public sealed record TimelineVisitDto(VisitDto Visit, IReadOnlyList<PhotoDto> Photos);

/// <summary>One row of the timeline: a standardized view with every visit in date order (columns line up).</summary>
public sealed record TimelineViewDto(PhotoView View, Guid? BaselinePhotoId, IReadOnlyList<TimelineVisitDto> Visits);

/// <summary>Visits: every visit in date order (the grid's columns), also when it has no photos yet.</summary>
public sealed record TimelineDto(PatientDto Patient, IReadOnlyList<VisitDto> Visits, IReadOnlyList<TimelineViewDto> Views);

/// <summary>
/// Builds a patient's timeline in four queries; serves the patient page and the API alike. Photos are loaded as
/// summaries (only the columns the DTO shows) and put into their cells through one lookup, not a scan per cell.
/// Baselines come from <see cref="BaselineResolver"/>, the rule's one owner.
/// </summary>
public sealed class TimelineQuery(AppDbContext db, BaselineResolver baselines)
{
    public async Task<TimelineDto> LoadAsync(Patient patient, PhotoView? onlyView, CancellationToken ct)
    {
        var visits = await db.Visits.AsNoTracking().Where(v => v.PatientId == patient.Id)
            .OrderBy(v => v.Date).ThenBy(v => v.CreatedAt).ToListAsync(ct);
        var photoQuery = db.Photos.AsNoTracking().Where(p => p.PatientId == patient.Id);
        if (onlyView is { } only) photoQuery = photoQuery.Where(p => p.View == only);
        var photos = await photoQuery.Select(PhotoSummary.Projection).ToListAsync(ct);
        var baselineOf = await baselines.OfPatientAsync(patient.Id, onlyView, ct);

        var visitDtos = visits.Select(VisitDto.From).ToList();
        var cells = photos.ToLookup(p => (p.View, p.VisitId));
        var views = photos.Select(p => p.View).Distinct().OrderBy(v => v).ToList();
        if (onlyView is { } single && !views.Contains(single)) views.Add(single);

        var rows = views.Select(view =>
        {
            var columns = visitDtos.Select(v => new TimelineVisitDto(v,
                cells[(view, v.Id)].OrderBy(p => p.UploadedAt).Select(PhotoDto.From).ToList())).ToList();
            return new TimelineViewDto(view, baselineOf.TryGetValue(view, out var id) ? id : null, columns);
        }).ToList();

        return new TimelineDto(PatientDto.From(patient), visitDtos, rows);
    }
}
