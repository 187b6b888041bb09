using Microsoft.Extensions.Options;
namespace ProgressTracker.Web.Features.Measurements;

/// <summary>One photo of the series: when it was taken in the course, and what was measured.</summary>
public sealed record MeasurementPointDto(Guid PhotoId, Guid VisitId, DateOnly Date, int? WeeksSinceFirstSession,
    MeasurementDto? Measurements);

/// <summary>A treatment session on the series' time line.</summary>
public sealed record SessionMarkDto(Guid VisitId, DateOnly Date, int? SessionNumber);

/// <summary>
/// <c>GET /patients/{id}/measurements?view=</c>: the photos of one view in date order. A change between two points
/// is real only when it exceeds <see cref="MinimalDetectableChangePct"/> (null until a photo is measured).
/// </summary>
public sealed record MeasurementSeriesDto(string View, double? MinimalDetectableChangePct, IReadOnlyList<MeasurementPointDto> Points,
    IReadOnlyList<SessionMarkDto> Sessions);

/// <summary>Loads a patient's series for one view and works out what change it can detect.</summary>
public sealed class MeasurementSeries(AppDbContext db, IOptions<MeasurementOptions> options)
{
    public async Task<MeasurementSeriesDto> LoadAsync(Patient patient, PhotoView view, CancellationToken ct)
    {
        var visits = await db.Visits.AsNoTracking().Where(v => v.PatientId == patient.Id)
            .OrderBy(v => v.Date).ThenBy(v => v.CreatedAt)
            .Select(v => new { v.Id, v.Date, v.Kind, Session = v.Treatment == null ? null : v.Treatment.SessionNumber })
            .ToListAsync(ct);
        var sessions = visits.Where(v => v.Kind == VisitKind.Treatment).Select(v => new SessionMarkDto(v.Id, v.Date, v.Session)).ToList();
        var start = sessions.FirstOrDefault()?.Date ?? visits.FirstOrDefault()?.Date;
        var dates = visits.ToDictionary(v => v.Id, v => v.Date);

        var photos = await db.Photos.AsNoTracking()
            .Where(p => p.PatientId == patient.Id && p.View == view && p.Status == PhotoStatus.Ready)
            .Select(p => new { p.Id, p.VisitId, p.Status, p.UploadedAt, State = p.Measurement.Status, p.Measurement.Result })
            .ToListAsync(ct);
        var points = photos
            .Where(p => dates.ContainsKey(p.VisitId))
            .OrderBy(p => dates[p.VisitId]).ThenBy(p => p.UploadedAt)
            .Select(p => new MeasurementPointDto(p.Id, p.VisitId, dates[p.VisitId],
                start is { } s ? (dates[p.VisitId].DayNumber - s.DayNumber) / 7 : null,
                MeasurementDto.Of(p.Status, p.State, p.Result)))
            .ToList();
        return new MeasurementSeriesDto(EnumNames.ToKebab(view), MinimalDetectableChange(points), points, sessions);
    }

    /// <summary>
    /// 1.96 × √2 × the typical standard deviation of one measurement: a change between two photos larger than this
    /// is unlikely (5 %) to be measurement noise. Each photo's standard deviation is half its measured spread, and
    /// never below the configured floor.
    /// </summary>
    public double? MinimalDetectableChange(IReadOnlyList<MeasurementPointDto> points)
    {
        var deviations = points.Select(p => p.Measurements).Where(m => m is { IsMeasured: true })
            .SelectMany(m => new[] { m!.Left?.SpreadPct, m.Right?.SpreadPct }).OfType<double>()
            .Select(spread => Math.Max(options.Value.RepeatabilityFloorPct, spread / 2)).Order().ToArray();
        if (deviations.Length == 0) return null;
        var typical = deviations[deviations.Length / 2];
        return Math.Round(1.96 * Math.Sqrt(2) * typical, 2);
    }
}
