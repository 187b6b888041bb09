using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProgressTracker.Web.Features.Patients;
using ProgressTracker.Web.Features.Shared.Api;
using ProgressTracker.Web.Infrastructure.Identity;

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
        if (!ApiProblems.TryParseId(id, "patient", out var patientId, out var bad)) return bad!;
        var found = await access.PatientAsync(patientId, user, PatientOperations.Export, ct);
        if (found.Access != Access.Granted)
            return ApiProblems.ForAccess(found.Access, "patient", id, "Only clinic staff can export photos.");
        var (export, problem) = await handler.HandleAsync(found.Value!, request, CurrentUser.Id(user), ct);
        return export is null ? problem! : TypedResults.Accepted($"/api/v1/exports/{export.Id}", ExportDto.From(export));
    }

    private static async Task<Results<Ok<PagedList<ExportDto>>, ProblemHttpResult>> ListAsync(string id,
        RecordAccess access, ExportLookup exports, ClaimsPrincipal user, CancellationToken ct, int page = 1,
        int pageSize = 50)
    {
        if (!ApiProblems.TryParseId(id, "patient", out var patientId, out var bad)) return bad!;
        if (page < 1 || pageSize is < 1 or > 200)
            return ApiProblems.BadRequest("page starts at 1 and pageSize must be between 1 and 200.");
        var found = await access.PatientAsync(patientId, user, PatientOperations.Export, ct);
        if (found.Access != Access.Granted) return ApiProblems.NotFound("patient", id);
        var (items, total) = await exports.ListAsync(patientId, page, pageSize, ct);
        return TypedResults.Ok(new PagedList<ExportDto>(items.Select(ExportDto.From).ToList(), total));
    }

    private static async Task<Results<Ok<ExportDto>, ProblemHttpResult>> GetAsync(string id, ExportLookup exports,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(id, "export", out var exportId, out var bad)) return bad!;
        var export = await exports.FindAsync(exportId, user, ct);
        return export is null ? ApiProblems.NotFound("export", id) : TypedResults.Ok(ExportDto.From(export));
    }
}
