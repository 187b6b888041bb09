namespace ProgressTracker.Web.Features.Measurements;

/// <summary>
/// The "measured outcome" of a patient: one chart per measured view that has photos. Staff and the portal share it;
/// only the wording differs. The patient is the one the page already loaded and authorized.
/// </summary>
public sealed record MeasuredOutcome(IReadOnlyList<MeasurementChart> Charts, bool HasUnmeasuredViews, bool ForPatient)
{
    public bool IsEmpty => Charts.Count == 0;
}

public sealed class MeasuredOutcomeQuery(MeasurementSeries series)
{
    public async Task<MeasuredOutcome> LoadAsync(Patient patient, Timeline.TimelineDto timeline, bool forPatient, CancellationToken ct)
    {
        var withPhotos = timeline.Views.Where(v => v.Visits.Any(c => c.Photos.Any(p => p.Status == PhotoStatus.Ready)))
            .Select(v => v.View).ToHashSet();
        var charts = new List<MeasurementChart>();
        foreach (var view in MeasurementChart.MeasuredViews.Where(withPhotos.Contains))
        {
            var dto = await series.LoadAsync(patient, view, ct);
            var csv = $"/api/v1/patients/{patient.Id}/measurements?view={EnumNames.ToKebab(view)}&format=csv";
            charts.Add(MeasurementChart.From(dto, csv, forPatient));
        }
        var unmeasured = withPhotos.Any(v => !MeasurementChart.MeasuredViews.Contains(v));
        return new MeasuredOutcome(charts, unmeasured, forPatient);
    }
}
