using ProgressTracker.Imaging.Alignment;
using ProgressTracker.Web.Features.Photos.Pipeline;

namespace ProgressTracker.Web.Features.Alignment;

public sealed record PointDto(double X, double Y);
public sealed record LandmarkPairDto(PointDto Photo, PointDto Baseline);

/// <summary>
/// A clinician's landmark clicks (e.g. iliac crest, greater trochanter, knee) on the photo and on the baseline
/// replace the automatic alignment; a reset hands the photo back to the automatic path.
/// </summary>
public sealed class ManualAlignmentHandler(
    AppDbContext db, BaselineResolver baselines, AlignedDerivatives aligned,
    PhotoPipeline pipeline, TimeProvider clock, IAuditTrail audit)
{
    public async Task<Result<Photo>> ApplyAsync(Photo photo, IReadOnlyList<LandmarkPairDto> pairs, CancellationToken ct)
    {
        if (photo.Status != PhotoStatus.Ready) return CannotAlign("The photo is not processed yet; try again when it is ready.");
        if (pairs.Count is < 2 or > 10) return CannotAlign("Mark 2 or 3 matching landmarks on both photos.");
        var baselineId = await baselines.ResolveAsync(photo.PatientId, photo.View, ct);
        if (baselineId is not { } baseId) return CannotAlign("This view has no baseline photo yet.");
        if (baseId == photo.Id) return CannotAlign("This photo is the baseline of its view; there is nothing to align it to.");

        double[] matrix;
        try
        {
            matrix = LandmarkTransform.FromLandmarks(
                pairs.Select(p => new LandmarkPair(p.Photo.X, p.Photo.Y, p.Baseline.X, p.Baseline.Y)).ToList());
        }
        catch (ArgumentException e)
        {
            return CannotAlign(e.Message);
        }

        var baseline = await db.Photos.AsNoTracking().SingleAsync(p => p.Id == baseId, ct);
        var photoMaster = await aligned.ReadMasterAsync(photo, ct);
        if (photoMaster is null || baseline.Width is not { } w || baseline.Height is not { } h)
            return CannotAlign("The processed image is missing; reprocess the photo first.");
        photo.Alignment.Record(baseId, matrix, null, AlignmentMethod.Manual, AlignmentStatus.Aligned, null,
            clock.GetUtcNow());
        try
        {
            await aligned.WriteAsync(photo, photoMaster, new PixelSize(w, h), ct);
        }
        catch (ArgumentException)
        {
            return CannotAlign("The processed image could not be read; reprocess the photo first.");
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditEvents.OfPhoto(AuditActions.AlignmentChanged, photo, "manual"), ct);
        pipeline.Enqueue(PhotoStep.Measure, photo.Id); // the new alignment decides the pose check
        return photo;
    }

    private static Rejection CannotAlign(string detail) => Rejection.Unprocessable(detail, "Cannot align");

    public async Task ResetAsync(Photo photo, CancellationToken ct)
    {
        photo.Alignment.Invalidate(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditEvents.OfPhoto(AuditActions.AlignmentChanged, photo, "reset to automatic"), ct);
        pipeline.Enqueue(PhotoStep.Align, photo.Id);
    }

    /// <summary>Makes a photo the baseline of its view; every photo of the view is aligned again in the background.</summary>
    public async Task<Result<Photo>> ChooseBaselineAsync(Photo photo, Guid? chosenBy, CancellationToken ct)
    {
        if (photo.Status != PhotoStatus.Ready)
            return Rejection.Conflict("Only a processed photo can be the baseline.", "Cannot be the baseline");
        var now = clock.GetUtcNow();
        var row = await db.ViewBaselines.FirstOrDefaultAsync(b => b.PatientId == photo.PatientId && b.View == photo.View, ct);
        if (row is null)
            db.ViewBaselines.Add(row = new ViewBaseline { PatientId = photo.PatientId, View = photo.View });
        row.PhotoId = photo.Id;
        row.ChosenByUserId = chosenBy;
        row.ChosenAt = now;
        var ofView = await db.Photos
            .Where(p => p.PatientId == photo.PatientId && p.View == photo.View && p.Status == PhotoStatus.Ready)
            .ToListAsync(ct);
        foreach (var p in ofView) p.Alignment.Invalidate(now);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditEvents.OfPhoto(AuditActions.BaselineChanged, photo, EnumNames.ToKebab(photo.View)), ct);
        foreach (var p in ofView) pipeline.Enqueue(PhotoStep.Align, p.Id);
        return photo;
    }
}
