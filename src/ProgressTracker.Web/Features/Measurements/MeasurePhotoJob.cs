using Microsoft.Extensions.Options;
using System.Text.Json;
using ProgressTracker.Imaging.Measurement;
using ProgressTracker.Web.Features.Photos.Pipeline;

namespace ProgressTracker.Web.Features.Measurements;

/// <summary>
/// Measures the hip contour of a Ready, aligned photo and stores the result with the method version and the alignment
/// revision it used. Idempotent: a photo already measured by this method with its current alignment is skipped. A
/// follow-up whose alignment awaits review, or scores low, is stored as not measurable (its pose differs).
/// </summary>
public sealed class MeasurePhotoJob(AppDbContext db, AlignedDerivatives masters, IOptions<MeasurementOptions> options,
    TimeProvider clock, ILogger<MeasurePhotoJob> log)
{
    private static readonly JsonSerializerOptions OverlayJson = new(JsonSerializerDefaults.Web);

    public async Task<bool> RunAsync(Guid photoId, CancellationToken ct)
    {
        var photo = await db.Photos.SingleOrDefaultAsync(p => p.Id == photoId, ct);
        if (photo is null || photo.Status != PhotoStatus.Ready) return false;
        var alignment = photo.Alignment;
        // Measured after alignment: the pose check needs to know how the photo relates to its baseline.
        if (alignment.Status == AlignmentStatus.Pending || alignment.BaselinePhotoId is null) return false;
        if (photo.Measurement.IsCurrent(HipMeasurer.MethodVersion, alignment.Revision)) return false;

        var now = clock.GetUtcNow();
        if (alignment.Status == AlignmentStatus.Failed)
        {
            // Without a registration there is nothing to compare the pose with: say so rather than stay pending.
            photo.Measurement.Record(false, HipMeasurer.MethodVersion, alignment.Revision,
                MeasurementDto.NotMeasured(MeasurementReasons.NotAligned, HipMeasurer.MethodVersion).ToJson(), null, now);
            await db.SaveChangesAsync(ct);
            return true;
        }
        var master = await masters.ReadMasterAsync(photo, ct);
        HipMeasurement? result = null;
        try
        {
            if (master is not null) result = HipMeasurer.Measure(master, Context(photo), ct);
        }
        catch (ArgumentException e)
        {
            log.LogWarning("Photo {PhotoId} could not be measured: {Reason}", photo.Id, e.Message);
        }
        if (result is null)
        {
            // A missing or undecodable master: recorded, so the sweep does not retry it forever.
            photo.Measurement.Fail(HipMeasurer.MethodVersion, alignment.Revision,
                MeasurementDto.NotMeasured(MeasurementReasons.Unreadable, HipMeasurer.MethodVersion).ToJson(), now);
            await db.SaveChangesAsync(ct);
            return true;
        }
        var overlay = result.Overlay is null ? null : JsonSerializer.Serialize(result.Overlay, OverlayJson);
        photo.Measurement.Record(result.Status == MeasurementStatus.Measured, HipMeasurer.MethodVersion, alignment.Revision,
            MeasurementDto.From(result).ToJson(), overlay, now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private MeasurementContext Context(Photo photo)
    {
        var a = photo.Alignment;
        var isBaseline = a.BaselinePhotoId == photo.Id;
        return new MeasurementContext(EnumNames.ToKebab(photo.View), options.Value.MarkerSizeMm,
            isBaseline ? null : new AlignmentToBaseline(a.IsConfirmed, a.Score, a.Reason));
    }
}
