namespace ProgressTracker.Web.Features.Shared.Api;

/// <summary>
/// Reads a multipart upload's form and its one file field, saying clearly what is wrong: not multipart (415), too
/// large or malformed (413), or the file field missing (400). Photo uploads and consent forms share it.
/// </summary>
public static class MultipartUpload
{
    /// <param name="fields">What the form must carry, for the messages: "a 'file' field (the photo) and a 'view' field".</param>
    /// <param name="what">What the file is, for the "missing" message: "the photo".</param>
    public static async Task<Result<FormWithFile>> ReadAsync(HttpRequest request, string fields, string what,
        CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return new Rejection(RejectionKind.UnsupportedType, "Send a multipart form",
                $"Send multipart/form-data with {fields}.");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return new Rejection(RejectionKind.TooLarge, "Upload too large or malformed",
                "The upload could not be read: it is larger than the server accepts or the form is malformed.");
        }
        return form.Files.GetFile("file") is { } file
            ? new FormWithFile(form, file)
            : Rejection.Invalid($"Attach {what} in a multipart field named 'file'.", "No file");
    }
}

public sealed record FormWithFile(IFormCollection Form, IFormFile File);
