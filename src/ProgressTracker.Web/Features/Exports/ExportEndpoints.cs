using ProgressTracker.Web.Features.Patients;

namespace ProgressTracker.Web.Features.Exports;

/// <summary>Exports are disclosures: clinic staff only, and "not found" for records the caller cannot see.</summary>
public static class ExportEndpoints
{
    public static void MapExportEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("").WithTags("Exports").RequireAuthorization(Policies.Staff);
        group.MapPost("/patients/{id}/exports", CreateAsync).AddEndpointFilter<AntiforgeryForCookieCallers>()
            .WithSummary("Render photos of one view as a side-by-side, a sequence (JPEG) or an animation (GIF); 202 while it renders.");
        group.MapGet("/patients/{id}/exports", ListAsync).WithSummary("The patient's exports, newest first.");
        group.MapGet("/exports/{id}", GetAsync).WithSummary("One export with its status and progress (0–100).");
        group.MapGet("/exports/{id}/file", ExportFileEndpoint.GetAsync)
            .WithSummary("The rendered file as an attachment, or a redirect to a one-minute link to it; 409 until ready.");
    }

    private static async Task<Results<Accepted<ExportDto>, ProblemHttpResult>> CreateAsync(string id,
        CreateExportRequest request, RecordAccess access, CreateExportHandler handler, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var found = await access.PatientAsync(id, user, PatientOperation.Export, ct, "Only clinic staff can export photos.");
        if (found.Failed(out var refused, out var patient)) return refused.ToProblem();
        var created = await handler.HandleAsync(patient, request, CurrentUser.Id(user), ct);
        return created.Failed(out var rejection, out var export)
            ? rejection.ToProblem()
            : TypedResults.Accepted($"/api/v1/exports/{export.Id}", ExportDto.From(export));
    }

    private static async Task<Results<Ok<PagedList<ExportDto>>, ProblemHttpResult>> ListAsync(string id,
        RecordAccess access, ExportLookup exports, ClaimsPrincipal user, CancellationToken ct, int page = 1,
        int pageSize = 50)
    {
        if (page < 1 || pageSize is < 1 or > 200)
            return Rejection.Invalid("page starts at 1 and pageSize must be between 1 and 200.").ToProblem();
        var found = await access.PatientAsync(id, user, PatientOperation.Export, ct);
        if (found.Failed(out var rejection, out var patient)) return rejection.ToProblem();
        var (items, total) = await exports.ListAsync(patient.Id, page, pageSize, ct);
        return TypedResults.Ok(new PagedList<ExportDto>(items.Select(ExportDto.From).ToList(), total));
    }

    private static async Task<Results<Ok<ExportDto>, ProblemHttpResult>> GetAsync(string id, RecordAccess access,
        ClaimsPrincipal user, CancellationToken ct) =>
        (await access.ExportAsync(id, user, ExportOperation.View, ct)).OkOrProblem(ExportDto.From);
}
