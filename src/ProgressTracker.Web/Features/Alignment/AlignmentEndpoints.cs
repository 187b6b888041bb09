using ProgressTracker.Web.Features.Photos;

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
        var found = await EditablePhotoAsync(id, access, user, ct);
        if (found.Failed(out var refused, out var photo)) return refused.ToProblem();
        var applied = await handler.ApplyAsync(photo, request.Landmarks ?? [], ct);
        return applied.Failed(out var rejection, out _) ? rejection.ToProblem() : TypedResults.Ok(PhotoDto.From(photo));
    }

    private static async Task<Results<Accepted<PhotoDto>, ProblemHttpResult>> ResetAsync(string id,
        RecordAccess access, ManualAlignmentHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await EditablePhotoAsync(id, access, user, ct);
        if (found.Failed(out var refused, out var photo)) return refused.ToProblem();
        await handler.ResetAsync(photo, ct);
        return TypedResults.Accepted($"/api/v1/photos/{photo.Id}", PhotoDto.From(photo));
    }

    private static async Task<Results<Accepted<PhotoDto>, ProblemHttpResult>> ChooseBaselineAsync(string id,
        RecordAccess access, ManualAlignmentHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await EditablePhotoAsync(id, access, user, ct);
        if (found.Failed(out var refused, out var photo)) return refused.ToProblem();
        var chosen = await handler.ChooseBaselineAsync(photo, CurrentUser.Id(user), ct);
        return chosen.Failed(out var rejection, out _)
            ? rejection.ToProblem()
            : TypedResults.Accepted($"/api/v1/photos/{photo.Id}", PhotoDto.From(photo));
    }

    private static Task<Result<Photo>> EditablePhotoAsync(string id, RecordAccess access, ClaimsPrincipal user,
        CancellationToken ct) =>
        access.PhotoAsync(id, user, PhotoOperation.Edit, ct, "Only clinic staff can change alignments.");
}
