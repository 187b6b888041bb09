using Microsoft.AspNetCore.Authorization;
using ProgressTracker.Web.Features.Alignment;
using ProgressTracker.Web.Features.Integrity;
using ProgressTracker.Web.Features.Photos.Pipeline;

namespace ProgressTracker.Web.Features.Photos;

/// <summary>One photo: large on the photo stage, its processing and alignment state, and the clinician's actions.</summary>
public sealed class ShowModel(RecordAccess access, AppDbContext db, BaselineResolver baselines,
    ManualAlignmentHandler alignment, IAuthorizationService auth) : PhotoPageModel(access, db)
{
    public Patient Patient { get; private set; } = null!;
    public bool IsBaseline { get; private set; }
    public bool ShowAligned { get; private set; }
    public bool CanDownloadOriginal { get; private set; }
    /// <summary>Open integrity findings about this photo (a missing or altered file), in plain words.</summary>
    public IReadOnlyList<string> IntegrityWarnings { get; private set; } = [];
    [TempData] public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(bool? aligned, CancellationToken ct)
    {
        var photo = Record;
        await LoadPhotoAndVisitAsync(ct);
        Patient = await Db.Patients.AsNoTracking().SingleAsync(p => p.Id == photo.PatientId, ct);
        IsBaseline = await baselines.ResolveAsync(photo.PatientId, photo.View, ct) == photo.Id;
        CanDownloadOriginal = (await auth.AuthorizeAsync(User, new PhotoMedia(photo, MediaVariant.Original),
            MediaOperation.Read)).Succeeded;
        ShowAligned = (aligned ?? true) && Photo.Media.Aligned is not null && !IsBaseline;
        IntegrityWarnings = (await Db.IntegrityFindings.AsNoTracking()
                .Where(f => f.ResourceId == photo.Id && f.ResourceType == "photo" && f.ResolvedAt == null)
                .ToListAsync(ct))
            .Select(FindingWords.Title).Distinct().ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostBaselineAsync(CancellationToken ct)
    {
        var chosen = await alignment.ChooseBaselineAsync(Record, CurrentUser.Id(User), ct);
        Flash = chosen.Failed(out var rejection, out _)
            ? rejection.Detail
            : "This photo is now the baseline; the other photos of this view are being aligned to it.";
        return Redirect($"/photos/{Record.Id}");
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        await alignment.ResetAsync(Record, ct);
        Flash = "Manual alignment removed; the photo is being aligned automatically again.";
        return Redirect($"/photos/{Record.Id}");
    }
}
