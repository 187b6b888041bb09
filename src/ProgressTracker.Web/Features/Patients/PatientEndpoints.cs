namespace ProgressTracker.Web.Features.Patients;

public static class PatientEndpoints
{
    public static void MapPatientEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/patients").WithTags("Patients");
        group.MapGet("", ListAsync).WithSummary("Patients by name (search by name or record number); staff see all, a patient sees their own.");
        group.MapPost("", CreateAsync).RequireAuthorization(Policies.Staff).WithSummary("Register a patient.");
        group.MapGet("/{id}", GetAsync).WithSummary("One patient.");
    }

    private static async Task<Results<Ok<PagedList<PatientDto>>, ProblemHttpResult>> ListAsync(
        PatientSearch patients, ClaimsPrincipal user, CancellationToken ct,
        string? search = null, int page = 1, int pageSize = 50)
    {
        if (page < 1 || pageSize is < 1 or > 200)
            return Rejection.Invalid("page starts at 1 and pageSize must be between 1 and 200.").ToProblem();
        var (items, total) = await patients.FindAsync(user, search, page, pageSize, ct);
        return TypedResults.Ok(new PagedList<PatientDto>(items.Select(PatientDto.From).ToList(), total));
    }

    private static async Task<Results<Created<PatientDto>, ProblemHttpResult>> CreateAsync(
        CreatePatientRequest request, CreatePatientHandler handler, CancellationToken ct)
    {
        var created = await handler.HandleAsync(request, ct);
        return created.Failed(out var rejection, out var patient)
            ? rejection.ToProblem()
            : TypedResults.Created($"/api/v1/patients/{patient.Id}", PatientDto.From(patient));
    }

    private static async Task<Results<Ok<PatientDto>, ProblemHttpResult>> GetAsync(
        string id, RecordAccess access, IAuditTrail audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await access.PatientAsync(id, user, PatientOperation.View, ct);
        if (found.Failed(out var refused, out var patient)) return refused.ToProblem();
        await audit.RecordAsync(AuditEvents.PatientViewed(patient, "api"), ct);
        return TypedResults.Ok(PatientDto.From(patient));
    }
}
