using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Features.Shared.Api;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;

namespace ProgressTracker.Web.Features.Visits;

public static class VisitEndpoints
{
    public static void MapVisitEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/patients/{id}/visits").WithTags("Visits");
        group.MapGet("", ListAsync).WithSummary("A patient's visits in date order.");
        group.MapPost("", CreateAsync).RequireAuthorization(Policies.Staff).WithSummary("Record a visit.");
    }

    private static async Task<Results<Ok<IReadOnlyList<VisitDto>>, ProblemHttpResult>> ListAsync(
        string id, RecordAccess access, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(id, "patient", out var patientId, out var bad)) return bad!;
        var found = await access.PatientAsync(patientId, user, PatientOperations.View, ct);
        if (found.Access != Access.Granted) return ApiProblems.NotFound("patient", id);
        var visits = await db.Visits.AsNoTracking().Where(v => v.PatientId == patientId)
            .OrderBy(v => v.Date).ThenBy(v => v.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<VisitDto>>(visits.Select(VisitDto.From).ToList());
    }

    private static async Task<Results<Created<VisitDto>, ProblemHttpResult>> CreateAsync(
        string id, CreateVisitRequest request, RecordAccess access, CreateVisitHandler handler, ClaimsPrincipal user,
        CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(id, "patient", out var patientId, out var bad)) return bad!;
        var found = await access.PatientAsync(patientId, user, PatientOperations.Edit, ct);
        if (found.Access != Access.Granted)
            return ApiProblems.ForAccess(found.Access, "patient", id, "Only clinic staff can record visits.");
        var (visit, problem) = await handler.HandleAsync(found.Value!, request, ct);
        return visit is null
            ? problem!
            : TypedResults.Created($"/api/v1/patients/{patientId}/visits/{visit.Id}", VisitDto.From(visit));
    }
}
