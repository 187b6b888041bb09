namespace ProgressTracker.Web.Features.Photos.Pipeline;

/// <summary>
/// The one owner of the baseline rule. The baseline of a patient's view is the photo a clinician chose, while it is
/// Ready; else the earliest Ready photo of that view (by visit date, then upload time). Alignment, the timeline and
/// exports all ask here.
/// </summary>
public sealed class BaselineResolver(AppDbContext db)
{
    public async Task<Guid?> ResolveAsync(Guid patientId, PhotoView view, CancellationToken ct) =>
        (await OfPatientAsync(patientId, view, ct)).TryGetValue(view, out var id) ? id : null;

    /// <summary>Every view's baseline (or just <paramref name="onlyView"/>'s) in two queries.</summary>
    public async Task<IReadOnlyDictionary<PhotoView, Guid>> OfPatientAsync(Guid patientId, PhotoView? onlyView,
        CancellationToken ct)
    {
        var chosenQuery = db.ViewBaselines.AsNoTracking().Where(b => b.PatientId == patientId);
        var readyQuery = db.Photos.AsNoTracking().Where(p => p.PatientId == patientId && p.Status == PhotoStatus.Ready);
        if (onlyView is { } only)
        {
            chosenQuery = chosenQuery.Where(b => b.View == only);
            readyQuery = readyQuery.Where(p => p.View == only);
        }
        var chosen = await chosenQuery.ToDictionaryAsync(b => b.View, b => b.PhotoId, ct);
        var ready = await readyQuery.OrderBy(p => p.Visit!.Date).ThenBy(p => p.UploadedAt)
            .Select(p => new { p.Id, p.View }).ToListAsync(ct);

        var baselines = new Dictionary<PhotoView, Guid>();
        foreach (var group in ready.GroupBy(p => p.View)) // groups keep the date order within each view
        {
            var pick = chosen.TryGetValue(group.Key, out var id) && group.Any(p => p.Id == id) ? id : group.First().Id;
            baselines[group.Key] = pick;
        }
        return baselines;
    }
}
