using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProgressTracker.Web.Features.Photos.Media;
using ProgressTracker.Web.Features.Photos.Upload;
using ProgressTracker.Web.Features.Shared.Api;
using ProgressTracker.Web.Infrastructure.Identity;

namespace ProgressTracker.Web.Features.Photos;

public static class PhotoEndpoints
{
    public static void MapPhotoEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/visits/{id}/photos", UploadAsync).WithTags("Photos")
            .RequireAuthorization(Policies.Staff)
            .AddEndpointFilter<AntiforgeryForCookieCallers>()
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
        if (!ApiProblems.TryParseId(id, "visit", out var visitId, out var bad)) return bad!;
        var found = await access.VisitAsync(visitId, user, PatientOperations.Edit, ct);
        if (found.Access != Access.Granted)
            return ApiProblems.ForAccess(found.Access, "visit", id, "Only clinic staff can upload photos.");
        if (!request.HasFormContentType)
            return ApiProblems.Status(415, "Send a multipart form",
                "Send multipart/form-data with a 'file' field (the photo) and a 'view' field.");

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return ApiProblems.Status(413, "Upload too large or malformed",
                "The upload could not be read: it is larger than the server accepts or the form is malformed.");
        }
        var file = form.Files.GetFile("file");
        if (file is null)
            return ApiProblems.BadRequest("Attach the photo in a multipart field named 'file'.", "No file");

        await using var content = file.OpenReadStream();
        var result = await handler.HandleAsync(
            new UploadPhotoCommand(found.Value!, form["view"].ToString(), content, file.Length, file.FileName,
                CurrentUser.Id(user)), ct);
        if (result.Rejection is { } r) return ApiProblems.Status(r.Status, r.Title, r.Detail);
        var dto = PhotoDto.From(result.Photo!);
        return result.AlreadyUploaded
            ? TypedResults.Ok(dto)
            : TypedResults.Accepted($"/api/v1/photos/{dto.Id}", dto);
    }

    private static async Task<Results<Ok<PhotoDto>, ProblemHttpResult>> GetAsync(
        string id, RecordAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(id, "photo", out var photoId, out var bad)) return bad!;
        var found = await access.PhotoAsync(photoId, user, PatientOperations.View, ct);
        return found.Access == Access.Granted
            ? TypedResults.Ok(PhotoDto.From(found.Value!))
            : ApiProblems.NotFound("photo", id);
    }
}
