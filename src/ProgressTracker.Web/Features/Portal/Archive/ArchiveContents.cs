using ProgressTracker.Web.Features.Timeline;
using ProgressTracker.Web.Features.Visits;

namespace ProgressTracker.Web.Features.Portal.Archive;

/// <summary>One photo going into the archive: the display JPEG to copy and the name it gets.</summary>
public sealed record ArchivePhoto(string BlobKey, string EntryName, DateOnly Date);

/// <summary>The treatment as the patient may read it: there is deliberately no lot number field.</summary>
public sealed record ArchiveTreatment(string? Product, decimal? VolumeMl, IReadOnlyList<string> Areas, int? SessionNumber);

/// <summary>One visit in visits.json. <see cref="Note"/> is the note written for the patient, never the clinical notes.</summary>
public sealed record ArchiveVisit(DateOnly Date, VisitKind Kind, int? WeeksSinceFirstSession,
    ArchiveTreatment? Treatment, string? Note, IReadOnlyList<string> Photos);

/// <summary>visits.json: the patient's visits in date order, from the first session on which the weeks count.</summary>
public sealed record ArchiveVisits(DateOnly? FirstSession, IReadOnlyList<ArchiveVisit> Visits);

/// <summary>Everything an archive will hold, decided before any byte is written.</summary>
public sealed record ArchivePlan(IReadOnlyList<ArchivePhoto> Photos, ArchiveVisits Visits);

/// <summary>
/// Decides what goes into a patient's archive: every Ready photo at display size, and the visits shaped for the
/// patient through <see cref="VisitDto.WithoutStaffFields"/>, the one rule of what a patient may read.
/// </summary>
public sealed class ArchiveContents(AppDbContext db, PortalOptions options)
{
    public async Task<ArchivePlan> PlanAsync(Guid patientId, CancellationToken ct)
    {
        var visits = (await db.Visits.AsNoTracking().Where(v => v.PatientId == patientId).ToListAsync(ct))
            .OrderBy(v => v.Date).ThenBy(v => v.CreatedAt).ToList();
        var photos = (await db.Photos.AsNoTracking()
                .Where(p => p.PatientId == patientId && p.Status == PhotoStatus.Ready && p.DerivativesVersion != null)
                .ToListAsync(ct))
            .ToLookup(p => p.VisitId);
        var shown = visits.Select(v => VisitDto.From(v).WithoutStaffFields(options.ShowVisitNotes)).ToList();
        var course = new TreatmentCourse(shown);

        var planned = new List<ArchivePhoto>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<ArchiveVisit>();
        foreach (var visit in shown)
        {
            var names = new List<string>();
            foreach (var photo in photos[visit.Id].OrderBy(p => p.View).ThenBy(p => p.UploadedAt).ThenBy(p => p.Id))
            {
                var name = UniqueName(taken, visit.Date, ArchiveNames.Weeks(course, visit.Date), photo.View);
                names.Add(name);
                planned.Add(new ArchivePhoto(BlobKeys.Derivative(photo.PatientId, photo.Id, BlobVariant.Display,
                    photo.DerivativesVersion!.Value, ImageEncoding.Jpeg), name, visit.Date));
            }
            entries.Add(new ArchiveVisit(visit.Date, visit.Kind, course.WeeksAt(visit.Date),
                visit.Treatment is { } t ? new ArchiveTreatment(t.Product, t.VolumeMl, t.Areas, t.SessionNumber) : null,
                visit.PatientNote, names));
        }
        return new ArchivePlan(planned, new ArchiveVisits(course.Start, entries));
    }

    /// <summary>Two front photos on one day (or two visits on one day) get "-2", "-3": names never collide.</summary>
    private static string UniqueName(HashSet<string> taken, DateOnly date, string weeks, PhotoView view)
    {
        for (var repeat = 1; ; repeat++)
        {
            var name = ArchiveNames.Photo(date, weeks, view, repeat);
            if (taken.Add(name)) return name;
        }
    }
}
