using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Alignment;
using ProgressTracker.Web.Features.Shared.Api;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;

namespace ProgressTracker.Web.Features.Photos;

/// <summary>One photo: large on the photo stage, its processing and alignment state, and the clinician's actions.</summary>
public sealed class ShowModel(RecordAccess access, AppDbContext db, BaselineResolver baselines,
    ManualAlignmentHandler alignment) : PageModel
{
    public PhotoDto Photo { get; private set; } = null!;
    public Visit Visit { get; private set; } = null!;
    public Patient Patient { get; private set; } = null!;
    public bool IsBaseline { get; private set; }
    public bool ShowAligned { get; private set; }
    public bool CanDownloadOriginal => User.IsInRole(Roles.Clinician);
    [TempData] public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool? aligned, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ShowAligned = (aligned ?? true) && Photo.Media.Aligned is not null && !IsBaseline;
        return Page();
    }

    public async Task<IActionResult> OnPostBaselineAsync(Guid id, CancellationToken ct)
    {
        var found = await access.PhotoAsync(id, User, PatientOperations.Edit, ct);
        if (found.Access != Access.Granted) return NotFound();
        var error = await alignment.ChooseBaselineAsync(found.Value!, CurrentUser.Id(User), ct);
        Flash = error ?? "This photo is now the baseline; the other photos of this view are being aligned to it.";
        return Redirect($"/photos/{id}");
    }

    public async Task<IActionResult> OnPostResetAsync(Guid id, CancellationToken ct)
    {
        var found = await access.PhotoAsync(id, User, PatientOperations.Edit, ct);
        if (found.Access != Access.Granted) return NotFound();
        await alignment.ResetAsync(found.Value!, ct);
        Flash = "Manual alignment removed; the photo is being aligned automatically again.";
        return Redirect($"/photos/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await access.PhotoAsync(id, User, PatientOperations.View, ct);
        if (found.Access != Access.Granted) return false;
        var photo = found.Value!;
        Photo = PhotoDto.From(photo);
        Visit = await db.Visits.AsNoTracking().SingleAsync(v => v.Id == photo.VisitId, ct);
        Patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == photo.PatientId, ct);
        IsBaseline = await baselines.ResolveAsync(photo.PatientId, photo.View, ct) == photo.Id;
        return true;
    }
}
