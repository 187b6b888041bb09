using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Patients;
using ProgressTracker.Web.Features.Photos;
using ProgressTracker.Web.Features.Visits;
using ProgressTracker.Web.Infrastructure.Data;

namespace ProgressTracker.Web.Features.Timeline;

public sealed record TimelineVisitDto(VisitDto Visit, IReadOnlyList<PhotoDto> Photos);

/// <summary>One row of the timeline: a standardized view with every visit in date order (columns line up).</summary>
public sealed record TimelineViewDto(PhotoView View, Guid? BaselinePhotoId, IReadOnlyList<TimelineVisitDto> Visits);

/// <summary>Visits: every visit in date order (the grid's columns), also when it has no photos yet.</summary>
public sealed record TimelineDto(PatientDto Patient, IReadOnlyList<VisitDto> Visits, IReadOnlyList<TimelineViewDto> Views);

/// <summary>Builds a patient's timeline in two queries; serves the patient page and the API alike.</summary>
public sealed class TimelineQuery(AppDbContext db)
{
    public async Task<TimelineDto> LoadAsync(Patient patient, PhotoView? onlyView, CancellationToken ct)
    {
        var visits = await db.Visits.AsNoTracking().Where(v => v.PatientId == patient.Id)
            .OrderBy(v => v.Date).ThenBy(v => v.CreatedAt).ToListAsync(ct);
        var photoQuery = db.Photos.AsNoTracking().Where(p => p.PatientId == patient.Id);
        if (onlyView is { } only) photoQuery = photoQuery.Where(p => p.View == only);
        var photos = await photoQuery.ToListAsync(ct);
        var chosen = await db.ViewBaselines.AsNoTracking().Where(b => b.PatientId == patient.Id)
            .ToDictionaryAsync(b => b.View, b => b.PhotoId, ct);

        var visitOrder = visits.Select((v, i) => (v.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var views = photos.Select(p => p.View).Distinct().OrderBy(v => v).ToList();
        if (onlyView is { } single && !views.Contains(single)) views.Add(single);

        var rows = views.Select(view =>
        {
            var ofView = photos.Where(p => p.View == view).ToList();
            // The clinician's choice, else the earliest Ready photo of the view (as BaselineResolver decides).
            var ready = ofView.Where(p => p.Status == PhotoStatus.Ready).ToList();
            var baseline = ready.FirstOrDefault(p => chosen.TryGetValue(view, out var id) && p.Id == id)
                           ?? ready.OrderBy(p => visitOrder[p.VisitId]).ThenBy(p => p.UploadedAt).FirstOrDefault();
            var columns = visits.Select(v => new TimelineVisitDto(VisitDto.From(v),
                ofView.Where(p => p.VisitId == v.Id).OrderBy(p => p.UploadedAt).Select(PhotoDto.From).ToList())).ToList();
            return new TimelineViewDto(view, baseline?.Id, columns);
        }).ToList();

        return new TimelineDto(PatientDto.From(patient), visits.Select(VisitDto.From).ToList(), rows);
    }
}
