namespace ProgressTracker.Web.Features.Measurements;

/// <summary>
/// The "measured outcome" of a patient: one chart per measured view that has photos. Staff and the portal share it;
/// only the wording differs. The patient is the one the page already loaded and authorized.
/// </summary>
public sealed record MeasuredOutcome(IReadOnlyList<MeasurementChart> Charts, bool HasUnmeasuredViews, bool ForPatient,
    IReadOnlyList<MeasuredFigure> Figures)
{
    public bool IsEmpty => Charts.Count == 0;

    public MeasuredFigure? FigureOf(string view) => Figures.FirstOrDefault(f => f.View == view);
}

public sealed class MeasuredOutcomeQuery(MeasurementSeries series, AppDbContext db)
{
    public async Task<MeasuredOutcome> LoadAsync(Patient patient, Timeline.TimelineDto timeline, bool forPatient, CancellationToken ct)
    {
        var withPhotos = timeline.Views.Where(v => v.Visits.Any(c => c.Photos.Any(p => p.Status == PhotoStatus.Ready)))
            .Select(v => v.View).ToHashSet();
        var charts = new List<MeasurementChart>();
        var figures = new List<MeasuredFigure>();
        foreach (var view in MeasurementChart.MeasuredViews.Where(withPhotos.Contains))
        {
            var dto = await series.LoadAsync(patient, view, ct);
            var csv = $"/api/v1/patients/{patient.Id}/measurements?view={EnumNames.ToKebab(view)}&format=csv";
            var chart = MeasurementChart.From(dto, csv, forPatient);
            charts.Add(chart);
            if (await FigureAsync(chart.View, dto, !forPatient, ct) is { } figure) figures.Add(figure);
        }
        var unmeasured = withPhotos.Any(v => !MeasurementChart.MeasuredViews.Contains(v));
        return new MeasuredOutcome(charts, unmeasured, forPatient, figures);
    }

    /// <summary>The view's latest measured photo with its overlay; the display image is served (and its view recorded) by the media endpoint.</summary>
    private async Task<MeasuredFigure?> FigureAsync(string view, MeasurementSeriesDto series, bool linkToPhoto, CancellationToken ct)
    {
        if (series.Points.LastOrDefault(p => p.Measurements is { IsMeasured: true }) is not { } latest) return null;
        var row = await db.Photos.AsNoTracking().Where(p => p.Id == latest.PhotoId)
            .Select(p => new { p.Measurement.Overlay, p.DerivativesVersion }).SingleOrDefaultAsync(ct);
        if (MeasuredFigure.ParseOverlay(row?.Overlay) is not { } overlay) return null;
        var href = $"/api/v1/photos/{latest.PhotoId}/media/display?v={row!.DerivativesVersion ?? 0}";
        return new MeasuredFigure(view, latest.PhotoId, latest.Date, href, overlay,
            latest.Measurements!.Left?.DepthPct, latest.Measurements.Right?.DepthPct, linkToPhoto);
    }
}
