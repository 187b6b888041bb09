using System.Text.Json;
using ProgressTracker.Web.Features.Photos;
using ProgressTracker.Web.Features.Photos.Pipeline;

namespace ProgressTracker.Web.Features.Alignment;

/// <summary>Manual alignment: matching landmarks clicked on the baseline and on the photo.</summary>
public sealed class AlignModel(RecordAccess access, AppDbContext db, BaselineResolver baselines,
    ManualAlignmentHandler handler) : PhotoPageModel(access, db)
{
    public PhotoDto? Baseline { get; private set; }
    public Visit? BaselineVisit { get; private set; }
    [TempData] public string? Flash { get; set; }

    /// <summary>Only those who may change the record see the landmark editor at all.</summary>
    protected override PhotoOperation OperationFor(string httpMethod) => PhotoOperation.Edit;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? landmarks, CancellationToken ct)
    {
        var applied = await ApplyAsync(landmarks, ct);
        if (!applied.Failed(out var rejection, out _))
        {
            Flash = "Manual alignment saved.";
            return Redirect($"/photos/{Record.Id}");
        }
        ModelState.AddRejection(rejection);
        await LoadAsync(ct);
        return Page();
    }

    private async Task<Result<Photo>> ApplyAsync(string? landmarks, CancellationToken ct)
    {
        List<LandmarkPairDto>? pairs;
        try
        {
            pairs = JsonSerializer.Deserialize<List<LandmarkPairDto>>(landmarks ?? "[]", JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return Rejection.Invalid("The landmarks could not be read; mark them again.");
        }
        return await handler.ApplyAsync(Record, pairs ?? [], ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadPhotoAndVisitAsync(ct);
        if (await baselines.ResolveAsync(Photo.PatientId, Photo.View, ct) is { } baselineId && baselineId != Photo.Id)
        {
            var baseline = await Db.Photos.AsNoTracking().SingleAsync(p => p.Id == baselineId, ct);
            Baseline = PhotoDto.From(baseline);
            BaselineVisit = await Db.Visits.AsNoTracking().SingleAsync(v => v.Id == baseline.VisitId, ct);
        }
    }
}
