namespace ProgressTracker.Web.Features.Visits;

public static class VisitEndpoints
{
    /// <summary>Visits are a sub-resource of a patient: <paramref name="visits"/> is <c>/patients/{id}/visits</c>.</summary>
    public static void MapVisitEndpoints(this RouteGroupBuilder visits)
    {
        visits.MapGet("", ListAsync).WithSummary("A patient's visits in date order.");
        visits.MapPost("", CreateAsync).RequireAuthorization(Policies.Staff).WithSummary("Record a visit.");
    }

    private static async Task<Results<Ok<IReadOnlyList<VisitDto>>, ProblemHttpResult>> ListAsync(
        string id, RecordAccess access, AppDbContext db, ResponseShapes shapes, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var found = await access.PatientAsync(id, user, PatientOperation.View, ct);
        if (found.Failed(out var rejection, out var patient)) return rejection.ToProblem();
        var visits = await db.Visits.AsNoTracking().Where(v => v.PatientId == patient.Id)
            .OrderBy(v => v.Date).ThenBy(v => v.CreatedAt).ToListAsync(ct);
        var shape = await shapes.ForAsync(user, patient);
        return TypedResults.Ok<IReadOnlyList<VisitDto>>(visits.Select(VisitDto.From).Select(shape.Visit).ToList());
    }

    private static async Task<Results<Created<VisitDto>, ProblemHttpResult>> CreateAsync(
        string id, CreateVisitRequest request, RecordAccess access, CreateVisitHandler handler, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var found = await access.PatientAsync(id, user, PatientOperation.Edit, ct, "Only clinic staff can record visits.");
        if (found.Failed(out var refused, out var patient)) return refused.ToProblem();
        var created = await handler.HandleAsync(patient, request, ct);
        return created.Failed(out var rejection, out var visit)
            ? rejection.ToProblem()
            : TypedResults.Created($"/api/v1/patients/{patient.Id}/visits/{visit.Id}", VisitDto.From(visit));
    }
}
