using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Photos;
using ProgressTracker.Web.Features.Shared.Api;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;

namespace ProgressTracker.Web.Features.Alignment;

/// <summary>Manual alignment: matching landmarks clicked on the baseline and on the photo.</summary>
public sealed class AlignModel(RecordAccess access, AppDbContext db, BaselineResolver baselines,
    ManualAlignmentHandler handler) : PageModel
{
    public PhotoDto Photo { get; private set; } = null!;
    public PhotoDto? Baseline { get; private set; }
    public Visit Visit { get; private set; } = null!;
    public Visit? BaselineVisit { get; private set; }
    public string? Error { get; private set; }
    [TempData] public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? landmarks, CancellationToken ct)
    {
        var found = await access.PhotoAsync(id, User, PatientOperations.Edit, ct);
        if (found.Access != Access.Granted) return NotFound();
        List<LandmarkPairDto>? pairs = null;
        try
        {
            pairs = JsonSerializer.Deserialize<List<LandmarkPairDto>>(landmarks ?? "[]", JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            Error = "The landmarks could not be read; mark them again.";
        }
        Error ??= await handler.ApplyAsync(found.Value!, pairs ?? [], ct);
        if (Error is null)
        {
            Flash = "Manual alignment saved.";
            return Redirect($"/photos/{id}");
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await access.PhotoAsync(id, User, PatientOperations.Edit, ct);
        if (found.Access != Access.Granted) return false;
        Photo = PhotoDto.From(found.Value!);
        Visit = await db.Visits.AsNoTracking().SingleAsync(v => v.Id == Photo.VisitId, ct);
        if (await baselines.ResolveAsync(Photo.PatientId, Photo.View, ct) is { } baselineId && baselineId != Photo.Id)
        {
            var baseline = await db.Photos.AsNoTracking().SingleAsync(p => p.Id == baselineId, ct);
            Baseline = PhotoDto.From(baseline);
            BaselineVisit = await db.Visits.AsNoTracking().SingleAsync(v => v.Id == baseline.VisitId, ct);
        }
        return true;
    }
}
