namespace ProgressTracker.Web.Features.Portal.Archive;

/// <summary>
/// The archive's zip, as an attachment under its de-identified name and never cached: after the checks, a one-minute
/// read-only link to that one blob (Azure, with the name signed into it) or the bytes streamed from storage.
/// Every download is audited with the patient's id.
/// </summary>
public static class ArchiveFileEndpoint
{
    public static async Task<Results<RedirectHttpResult, FileStreamHttpResult, ProblemHttpResult>> GetAsync(
        string id, RecordAccess access, ArchiveRequests archives, IBlobStore blobs, StorageOptions storage,
        ClaimsPrincipal user, HttpContext http, IAuditTrail audit, CancellationToken ct)
    {
        if ((await access.OwnPatientAsync(user, ct)).Failed(out var refused, out var patient))
            return refused.ToProblem();
        if ((await archives.OwnAsync(patient, id, ct)).Failed(out var missing, out var archive))
            return missing.ToProblem();
        if (archives.IsExpired(archive))
            return Rejection.Gone($"This archive was available until {archive.ExpiresAt:d MMM yyyy, HH:mm} UTC and has " +
                                  "been removed; prepare a new one on the My data page.", "Archive expired").ToProblem();
        if (archive.Status != DataArchiveStatus.Ready || archive.ResultKey is null)
            return Rejection.Conflict(archive.Status == DataArchiveStatus.Failed
                ? $"This archive could not be prepared: {archive.FailureReason} Prepare a new one on the My data page."
                : $"This archive is still being prepared ({archive.Progress}%); try again in a few seconds.",
                "Archive not ready").ToProblem();

        http.Response.Headers.CacheControl = "private, no-store";
        var direct = await blobs.GetDirectReadUriAsync(archive.ResultKey, storage.SasLifetime, archive.FileName, ct);
        var stream = direct is null ? await blobs.OpenReadAsync(archive.ResultKey, ct) : null;
        if (direct is null && stream is null)
            return new Rejection(RejectionKind.Gone, "Archive file missing",
                "The archive's file is no longer in storage; prepare a new one on the My data page.").ToProblem();
        await audit.RecordAsync(new AuditEvent(AuditActions.ArchiveDownloaded, ResourceType: "data-archive",
            ResourceId: archive.Id.ToString(), PatientId: archive.PatientId, Detail: $"{archive.PhotoCount} photos"), ct);
        return direct is not null
            ? TypedResults.Redirect(direct.ToString())
            : TypedResults.Stream(stream!, "application/zip", fileDownloadName: archive.FileName);
    }
}
