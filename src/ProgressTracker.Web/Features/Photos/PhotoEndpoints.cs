using ProgressTracker.Web.Features.Photos.Media;
using ProgressTracker.Web.Features.Photos.Upload;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Photos;

public static class PhotoEndpoints
{
    public static void MapPhotoEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/visits/{id}/photos", UploadAsync).WithTags("Photos")
            .RequireAuthorization(Policies.Staff)
            .AddEndpointFilter<AntiforgeryForCookieCallers>()
            .WithMetadata(new RequestSizeLimitAttribute(
                RequestLimits.ApiUpload(api.ServiceProvider.GetRequiredService<ProgressTracker.Imaging.ImageLimits>())))
            .RequireRateLimiting(Infrastructure.Hosting.RateLimitPolicies.Upload)
            .Accepts<UploadPhotoForm>("multipart/form-data")
            .WithSummary("Upload one photo (multipart fields 'file' and 'view'); 202 while it is processed, " +
                         "200 with the existing photo when the same bytes were already uploaded to this visit.");
        api.MapGet("/photos/{id}", GetAsync).WithTags("Photos").WithSummary("One photo with its status and media links.");
        api.MapGet("/photos/{id}/media/{variant}", MediaEndpoint.GetAsync).WithTags("Photos")
            .WithSummary("The image bytes, or a redirect to a short-lived read-only link for that one blob.");
    }

    /// <summary>Documents the multipart shape; the handler reads the form itself to give precise errors.</summary>
    public sealed record UploadPhotoForm(IFormFile File, string View);

    private static async Task<Results<Accepted<PhotoDto>, Ok<PhotoDto>, ProblemHttpResult>> UploadAsync(
        string id, HttpRequest request, RecordAccess access, UploadPhotoHandler handler, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var found = await access.VisitAsync(id, user, VisitOperation.AddPhotos, ct, "Only clinic staff can upload photos.");
        if (found.Failed(out var refused, out var visit)) return refused.ToProblem();
        if ((await MultipartUpload.ReadAsync(request, "a 'file' field (the photo) and a 'view' field", "the photo", ct))
            .Failed(out var unreadable, out var upload))
            return unreadable.ToProblem();
        var (form, file) = upload;

        await using var content = file.OpenReadStream();
        var result = await handler.HandleAsync(
            new UploadPhotoCommand(visit, form["view"].ToString(), content, file.Length, file.FileName,
                CurrentUser.Id(user)), ct);
        if (result.Failed(out var rejection, out var uploaded)) return rejection.ToProblem();
        var dto = PhotoDto.From(uploaded.Photo);
        return uploaded.AlreadyUploaded
            ? TypedResults.Ok(dto)
            : TypedResults.Accepted($"/api/v1/photos/{dto.Id}", dto);
    }

    private static async Task<Results<Ok<PhotoDto>, ProblemHttpResult>> GetAsync(
        string id, RecordAccess access, ResponseShapes shapes, IAuditTrail audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await access.PhotoAsync(id, user, PhotoOperation.View, ct);
        if (found.Failed(out var refused, out var photo)) return refused.ToProblem();
        await audit.RecordAsync(AuditEvents.OfPhoto(AuditActions.PhotoRead, photo), ct);
        return TypedResults.Ok(shapes.ForPhoto(user).Photo(PhotoDto.From(photo)));
    }
}
