using ProgressTracker.Web.Features.Photos.Pipeline;
using ProgressTracker.Web.Features.Timeline;
using ProgressTracker.Web.Features.Visits;

namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// One photo marketing may use today: covered by at least one active consent with a marketing use, and on its
/// view's baseline canvas (the baseline itself, or confirmed aligned to it), so any two of a series pair up aligned.
/// <see cref="ImageKey"/> is that canvas image; <see cref="Identifiable"/> says whether a consent lets identifiable
/// features show.
/// </summary>
public sealed record MarketingPhoto(Photo Photo, DateOnly Date, int Weeks, TreatmentCourse Course,
    IReadOnlyList<Consent> Consents, string ImageKey)
{
    public bool Identifiable => Consents.Any(c => c.Identifiable);
    public bool NeedsPatientApproval => Consents.Any(c => c.ReviewEachPicture);
    public bool AllowsUse(ConsentUse use) => Consents.Any(c => c.Uses.Contains(use));

    /// <summary>"Before treatment", "First session", "Week 12": where the photo stands in the course, never its date.</summary>
    public string WeekLabel => Course.Start is { } start && Date < start ? "Before treatment"
        : Weeks == 0 ? "First session"
        : $"Week {Weeks}";
}

/// <summary>
/// The only door from marketing to photos. Everything marketing lists, renders or pairs into a case comes through
/// here, and "here" is defined by the consents as they stand today: revoked, expired and pending consents cover
/// nothing, and the clinic's other uses (clinical, portal, education) never open a photo to marketing.
/// </summary>
public sealed class MarketingCatalog(AppDbContext db, BaselineResolver baselines, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<MarketingPhoto>> ListAsync(PhotoView? view, CancellationToken ct)
    {
        var byPatient = (await ActiveMarketingConsentsAsync(null, ct)).GroupBy(c => c.PatientId);
        var found = new List<MarketingPhoto>();
        foreach (var consents in byPatient)
            found.AddRange(await OfPatientAsync(consents.Key, consents.ToList(), view, ct));
        return found.OrderBy(p => MarketingPhotoRefs.SeriesOf(p.Photo.PatientId), StringComparer.Ordinal)
            .ThenBy(p => p.Photo.View).ThenBy(p => p.Date).ToList();
    }

    /// <summary>The photo if marketing may use it today; null otherwise (including when it does not exist).</summary>
    public async Task<MarketingPhoto?> FindAsync(Guid photoId, CancellationToken ct)
    {
        var photo = await db.Photos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photoId, ct);
        if (photo is null) return null;
        var consents = await ActiveMarketingConsentsAsync(photo.PatientId, ct);
        if (consents.Count == 0) return null;
        return (await OfPatientAsync(photo.PatientId, consents, photo.View, ct)).SingleOrDefault(p => p.Photo.Id == photoId);
    }

    /// <summary>Consents that hold today and name a marketing use (expiry and use lists are read in memory).</summary>
    private async Task<List<Consent>> ActiveMarketingConsentsAsync(Guid? patientId, CancellationToken ct)
    {
        var query = db.Consents.AsNoTracking().Where(c => c.RevokedAt == null && c.GrantedAt != null);
        if (patientId is { } id) query = query.Where(c => c.PatientId == id);
        var today = Today;
        return (await query.ToListAsync(ct)).Where(c => c.HasMarketingUse && c.StatusOn(today) == ConsentStatus.Active).ToList();
    }

    private async Task<List<MarketingPhoto>> OfPatientAsync(Guid patientId, List<Consent> consents, PhotoView? view,
        CancellationToken ct)
    {
        var visits = await db.Visits.AsNoTracking().Where(v => v.PatientId == patientId)
            .OrderBy(v => v.Date).ThenBy(v => v.CreatedAt).ToListAsync(ct);
        var course = new TreatmentCourse(visits.Select(VisitDto.From).ToList());
        var dates = visits.ToDictionary(v => v.Id, v => v.Date);
        var query = db.Photos.AsNoTracking().Where(p => p.PatientId == patientId && p.Status == PhotoStatus.Ready);
        if (view is { } only) query = query.Where(p => p.View == only);
        var photos = await query.ToListAsync(ct);
        var canvases = await baselines.OfPatientAsync(patientId, view, ct);

        var found = new List<MarketingPhoto>();
        foreach (var photo in photos)
        {
            var covering = consents.Where(c => c.Covers(photo.Id, photo.View)).ToList();
            if (covering.Count == 0 || !canvases.TryGetValue(photo.View, out var baseline)) continue;
            string key;
            if (photo.Id == baseline)
                key = BlobKeys.Derivative(photo.PatientId, photo.Id, BlobVariant.Display, photo.DerivativesVersion ?? 0);
            else if (photo.Alignment.BaselinePhotoId == baseline && photo.Alignment.IsConfirmed)
                key = BlobKeys.Aligned(photo.PatientId, photo.Id, photo.Alignment.Revision, BlobVariant.Display);
            else continue; // not on the canvas: it could not be paired aligned
            var date = dates[photo.VisitId];
            found.Add(new MarketingPhoto(photo, date, course.WeeksAt(date) ?? 0, course, covering, key));
        }
        return found;
    }
}
