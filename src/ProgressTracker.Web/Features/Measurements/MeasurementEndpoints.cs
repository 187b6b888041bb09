using System.Text;
using System.Text.Json;
using ProgressTracker.Web.Features.Portal;

namespace ProgressTracker.Web.Features.Measurements;

/// <summary>A photo's measurement with the geometry behind it (null when nothing could be traced).</summary>
public sealed record MeasurementOverlayDto(MeasurementDto? Measurements, JsonElement? Overlay);

public static class MeasurementEndpoints
{
    public static void MapMeasurementEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/patients/{id}/measurements", GetSeriesAsync).WithTags("Measurements")
            .WithSummary("The measured hip contour over the course for one view (JSON, or CSV with format=csv).");
        api.MapGet("/photos/{id}/measurements/overlay", GetOverlayAsync).WithTags("Measurements")
            .WithSummary("The photo's measurement and what was measured (contour, bridging lines, depths) in the master's pixels, to draw over it.");
    }

    private static async Task<IResult> GetSeriesAsync(string id, RecordAccess access, MeasurementSeries series,
        PortalOptions portal, IAuditTrail audit, ClaimsPrincipal user, CancellationToken ct,
        string? view = null, string? format = null)
    {
        if (!EnumNames.TryParse<PhotoView>(view, out var parsed))
            return Rejection.Invalid($"Say which view with view=; use one of {EnumNames.Allowed<PhotoView>()}.").ToProblem();
        if (format is not (null or "" or "json" or "csv"))
            return Rejection.Invalid($"'{format}' is not a format; use json or csv.").ToProblem();
        var found = await access.PatientAsync(id, user, PatientOperation.View, ct);
        if (found.Failed(out var rejection, out var patient)) return rejection.ToProblem();
        // Patients see their measurements only where the clinic shows them in the portal.
        if (Caller.From(user).IsPatient && !portal.ShowMeasurements) return Rejection.NotFound("Patient", id).ToProblem();

        await audit.RecordAsync(AuditEvents.PatientViewed(patient, "api measurements"), ct);
        var dto = await series.LoadAsync(patient, parsed, ct);
        if (format != "csv") return TypedResults.Ok(dto);
        var name = $"measurements-{dto.View}-{patient.Id:N}.csv";
        return TypedResults.File(Encoding.UTF8.GetBytes(MeasurementCsv.Write(dto)), "text/csv; charset=utf-8", name);
    }

    private static async Task<IResult> GetOverlayAsync(string id, RecordAccess access, PortalOptions portal,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await access.PhotoAsync(id, user, PhotoOperation.View, ct);
        if (found.Failed(out var rejection, out var photo)) return rejection.ToProblem();
        if (Caller.From(user).IsPatient && !portal.ShowMeasurements) return Rejection.NotFound("Photo", id).ToProblem();
        var measurement = MeasurementDto.Of(photo.Status, photo.Measurement.Status, photo.Measurement.Result);
        var overlay = photo.Measurement.Overlay is { } json ? JsonSerializer.Deserialize<JsonElement>(json) : (JsonElement?)null;
        return TypedResults.Ok(new MeasurementOverlayDto(measurement, overlay));
    }
}
