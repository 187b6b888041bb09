namespace ProgressTracker.Web.Features.Timeline;

public static class TimelineEndpoints
{
    public static void MapTimelineEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/patients/{id}/timeline", GetAsync).WithTags("Timeline")
            .WithSummary("Per view, the patient's visits in date order with their photos.");

    private static async Task<Results<Ok<TimelineDto>, ProblemHttpResult>> GetAsync(
        string id, RecordAccess access, TimelineQuery timeline, ResponseShapes shapes, IAuditTrail audit, ClaimsPrincipal user,
        CancellationToken ct,
        string? view = null)
    {
        PhotoView? only = null;
        if (!string.IsNullOrEmpty(view))
        {
            if (!EnumNames.TryParse<PhotoView>(view, out var parsed))
                return Rejection.Invalid($"'{view}' is not a view; use one of {EnumNames.Allowed<PhotoView>()}.").ToProblem();
            only = parsed;
        }
        var found = await access.PatientAsync(id, user, PatientOperation.View, ct);
        if (found.Failed(out var rejection, out var patient)) return rejection.ToProblem();
        await audit.RecordAsync(AuditEvents.PatientViewed(patient, "api timeline"), ct);
        var shape = await shapes.ForAsync(user, patient);
        return TypedResults.Ok(shape.Timeline(await timeline.LoadAsync(patient, only, ct)));
    }
}
