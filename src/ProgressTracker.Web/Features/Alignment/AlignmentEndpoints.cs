using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Photos;
using ProgressTracker.Web.Features.Shared.Api;
using ProgressTracker.Web.Infrastructure.Identity;

namespace ProgressTracker.Web.Features.Alignment;

public static class AlignmentEndpoints
{
    public static void MapAlignmentEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/photos/{id}").WithTags("Alignment").RequireAuthorization(Policies.Staff);
        group.MapPut("/alignment/manual", SetManualAsync)
            .WithSummary("Replace the automatic alignment with one from 2–3 matching landmarks (master pixels).");
        group.MapDelete("/alignment/manual", ResetAsync).WithSummary("Drop a manual alignment; realign automatically.");
        group.MapPut("/baseline", ChooseBaselineAsync)
            .WithSummary("Make this photo the baseline of its view; every photo of the view is realigned.");
    }

    private static async Task<Results<Ok<PhotoDto>, ProblemHttpResult>> SetManualAsync(string id,
        ManualAlignmentRequest request, RecordAccess access, ManualAlignmentHandler handler, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var (photo, problem) = await EditablePhotoAsync(id, access, user, ct);
        if (photo is null) return problem!;
        var error = await handler.ApplyAsync(photo, request.Landmarks ?? [], ct);
        return error is null ? TypedResults.Ok(PhotoDto.From(photo)) : ApiProblems.Status(422, "Cannot align", error);
    }

    private static async Task<Results<Accepted<PhotoDto>, ProblemHttpResult>> ResetAsync(string id,
        RecordAccess access, ManualAlignmentHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var (photo, problem) = await EditablePhotoAsync(id, access, user, ct);
        if (photo is null) return problem!;
        await handler.ResetAsync(photo, ct);
        return TypedResults.Accepted($"/api/v1/photos/{photo.Id}", PhotoDto.From(photo));
    }

    private static async Task<Results<Accepted<PhotoDto>, ProblemHttpResult>> ChooseBaselineAsync(string id,
        RecordAccess access, ManualAlignmentHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var (photo, problem) = await EditablePhotoAsync(id, access, user, ct);
        if (photo is null) return problem!;
        var error = await handler.ChooseBaselineAsync(photo, CurrentUser.Id(user), ct);
        return error is null
            ? TypedResults.Accepted($"/api/v1/photos/{photo.Id}", PhotoDto.From(photo))
            : ApiProblems.Status(409, "Cannot be the baseline", error);
    }

    private static async Task<(Photo?, ProblemHttpResult?)> EditablePhotoAsync(string id, RecordAccess access,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(id, "photo", out var photoId, out var bad)) return (null, bad);
        var found = await access.PhotoAsync(photoId, user, PatientOperations.Edit, ct);
        return found.Access == Access.Granted
            ? (found.Value, null)
            : (null, ApiProblems.ForAccess(found.Access, "photo", id, "Only clinic staff can change alignments."));
    }
}
