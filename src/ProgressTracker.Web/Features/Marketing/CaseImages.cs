namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// Serves a case's picture to those allowed to see it. A download is a copy leaving the app: it is recorded (what,
/// when, by whom) so that a later withdrawal puts it on the takedown checklist, and audited for the patient's log.
/// </summary>
public sealed class CaseImages(AppDbContext db, IBlobStore blobs, TimeProvider clock, IAuditTrail audit)
{
    public async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ServeAsync(MarketingCase @case, ClaimsPrincipal user,
        bool download, CancellationToken ct)
    {
        if (@case.IsWithdrawn)
            return Rejection.Gone($"Case {@case.Code} was withdrawn: {@case.WithdrawnReason}.", "Case withdrawn").ToProblem();
        if (@case.ImageKey is null)
            return Rejection.Conflict(@case.Status == CaseStatus.Failed
                ? $"The picture could not be made: {@case.FailureReason}"
                : "The picture is still being made; try again in a few seconds.", "Not rendered").ToProblem();
        var stream = await blobs.OpenReadAsync(@case.ImageKey, ct);
        if (stream is null) return Rejection.Conflict("The picture is missing from storage.", "Picture missing").ToProblem();
        if (download)
        {
            var userId = CurrentUser.Id(user);
            db.CaseCopies.Add(new CaseCopy
            {
                PatientId = @case.PatientId, CaseId = @case.Id, Kind = CaseCopyKind.Download,
                What = $"Downloaded case picture {@case.Code} (revision {@case.Revision})", At = clock.GetUtcNow(), By = userId,
                ByName = await db.EmailOfAsync(userId, ct),
            });
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEvent(AuditActions.CaseDownloaded, ResourceType: "case", ResourceId: @case.Id.ToString(),
                PatientId: @case.PatientId, Detail: @case.Code), ct);
        }
        return TypedResults.Stream(stream, "image/jpeg", fileDownloadName: download ? $"case-{@case.Code}.jpg" : null);
    }
}
