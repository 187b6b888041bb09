using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Shared.Api;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Infrastructure.Storage;

namespace ProgressTracker.Web.Features.Exports;

/// <summary>
/// The export's file, as an attachment under its de-identified name, never cached: after the authorisation check,
/// a one-minute read-only link to that one blob (Azure, with the attachment name signed into it) or the bytes.
/// </summary>
public static class ExportFileEndpoint
{
    public static async Task<Results<RedirectHttpResult, FileStreamHttpResult, ProblemHttpResult>> GetAsync(
        string id, ExportLookup exports, IBlobStore blobs, StorageOptions storage, ClaimsPrincipal user,
        HttpContext http, ILoggerFactory logs, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(id, "export", out var exportId, out var bad)) return bad!;
        var export = await exports.FindAsync(exportId, user, ct);
        if (export is null) return ApiProblems.NotFound("export", id);
        if (export.Status != ExportStatus.Ready || export.ResultKey is null)
            return ApiProblems.Status(409, "Not ready", export.Status == ExportStatus.Failed
                ? $"This export failed: {export.FailureReason}"
                : $"This export is still being rendered ({export.Progress}%); try again in a few seconds.");

        http.Response.Headers.CacheControl = "private, no-store";
        logs.CreateLogger(typeof(ExportFileEndpoint)).LogInformation("Export {ExportId} downloaded by user {UserId}", export.Id, CurrentUser.Id(user));
        var direct = await blobs.GetDirectReadUriAsync(export.ResultKey, storage.SasLifetime, export.FileName, ct);
        if (direct is not null) return TypedResults.Redirect(direct.ToString());

        var stream = await blobs.OpenReadAsync(export.ResultKey, ct);
        return stream is null
            ? ApiProblems.Status(404, "File missing", "The export's file is missing from storage; create the export again.")
            : TypedResults.Stream(stream, ExportFiles.ContentType(export.Kind), fileDownloadName: export.FileName);
    }
}
