namespace ProgressTracker.Web.Features.Exports;

/// <summary>
/// The export's file, as an attachment under its de-identified name, never cached: after the authorisation check,
/// a one-minute read-only link to that one blob (Azure, with the attachment name signed into it) or the bytes.
/// </summary>
public static class ExportFileEndpoint
{
    public static async Task<Results<RedirectHttpResult, FileStreamHttpResult, ProblemHttpResult>> GetAsync(
        string id, RecordAccess access, IBlobStore blobs, StorageOptions storage, ClaimsPrincipal user,
        HttpContext http, ILoggerFactory logs, IAuditTrail audit, CancellationToken ct)
    {
        var found = await access.ExportAsync(id, user, ExportOperation.Download, ct);
        if (found.Failed(out var rejection, out var export)) return rejection.ToProblem();
        if (export.Status != ExportStatus.Ready || export.ResultKey is null)
            return Rejection.Conflict(export.Status == ExportStatus.Failed
                ? $"This export failed: {export.FailureReason}"
                : $"This export is still being rendered ({export.Progress}%); try again in a few seconds.", "Not ready").ToProblem();

        http.Response.Headers.CacheControl = "private, no-store";
        await audit.RecordAsync(AuditEvents.OfExport(AuditActions.ExportDownloaded, export), ct);
        logs.CreateLogger(typeof(ExportFileEndpoint)).LogInformation("Export {ExportId} downloaded by user {UserId}", export.Id, CurrentUser.Id(user));
        var direct = await blobs.GetDirectReadUriAsync(export.ResultKey, storage.SasLifetime, export.FileName, ct);
        if (direct is not null) return TypedResults.Redirect(direct.ToString());

        var stream = await blobs.OpenReadAsync(export.ResultKey, ct);
        return stream is null
            ? new Rejection(RejectionKind.NotFound, "File missing",
                "The export's file is missing from storage; create the export again.").ToProblem()
            : TypedResults.Stream(stream, ExportFiles.ContentType(export.Kind), fileDownloadName: export.FileName);
    }
}
