using Hangfire;
using ProgressTracker.Imaging.Composition;

namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// Renders a case's picture. The consents are asked again here, not trusted from the request: a photo no longer
/// covered withdraws the case. The consents that allowed it are written into the picture's metadata and onto the
/// case, so a later withdrawal or expiry of any of them finds it. Idempotent: a re-run renders the same revision to
/// the same key and skips a case that is no longer rendering.
/// </summary>
public sealed class RenderCaseJob(AppDbContext db, MarketingCatalog catalog, CaseWithdrawals withdrawals, IBlobStore blobs,
    MarketingOptions options, JobsOptions jobs, TimeProvider clock, IAuditTrail audit, ILogger<RenderCaseJob> log)
{
    public static void Enqueue(JobQueue queue, Guid caseId) =>
        queue.Enqueue<RenderCaseJob>(j => j.RunAsync(caseId, CancellationToken.None), "case", caseId);

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120])]
    [Queue(JobsOptions.ImagingQueue)]
    public async Task RunAsync(Guid caseId, CancellationToken ct)
    {
        var @case = await db.MarketingCases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null || @case.Status != CaseStatus.Rendering) return;
        @case.MarkRendering(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);

        var before = await catalog.FindAsync(@case.BeforePhotoId, ct);
        var after = await catalog.FindAsync(@case.AfterPhotoId, ct);
        if (before is null || after is null)
        {
            await withdrawals.WithdrawAsync(@case, "no active consent covers its photos any more", ct);
            return;
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(jobs.ProcessingTimeout);
        try
        {
            var beforeImage = await blobs.ReadAllBytesAsync(before.ImageKey, limit.Token);
            var afterImage = await blobs.ReadAllBytesAsync(after.ImageKey, limit.Token);
            if (beforeImage is null || afterImage is null)
            {
                await FailAsync(@case, "A photo's image is missing from storage; ask a clinician to check the photos.", ct);
                return;
            }
            var crop = @case.CropKind switch
            {
                CaseCropKind.Box => new CaseCrop(@case.CropX!.Value, @case.CropY!.Value, @case.CropWidth!.Value, @case.CropHeight!.Value),
                CaseCropKind.Hip => HipRegion.FindBox(afterImage, limit.Token) ?? HipRegion.FindBox(beforeImage, limit.Token),
                _ => (CaseCrop?)null,
            };
            if (@case.CropKind == CaseCropKind.Hip && crop is null)
            {
                await FailAsync(@case, "The hip region could not be found on these photos; choose a crop box instead.", ct);
                return;
            }
            var consents = before.Consents.Concat(after.Consents).DistinctBy(c => c.Id).ToList();
            var request = new CaseRenderRequest(beforeImage, afterImage, CaseCaption.BeforeLabel(before), CaseCaption.AfterLabel(after),
                crop, @case.Blur.Select(b => new CaseBlurSpot(b.X, b.Y, b.Radius)).ToList(),
                CaseCaption.Lines(before, after, @case.Caption, options.Disclaimer),
                @case.Watermark ?? (string.IsNullOrWhiteSpace(options.Watermark) ? null : options.Watermark),
                new CaseProvenance(@case.Id, @case.Code, consents.Select(c => c.Id).ToList()));
            var rendered = await Task.Run(() => CaseRenderer.Render(request, limit.Token), limit.Token);

            var key = BlobKeys.Case(@case.PatientId, @case.Id, @case.Revision);
            using (var content = new MemoryStream(rendered.Jpeg, writable: false))
                await blobs.PutAsync(key, content, "image/jpeg", overwrite: true, ct);
            @case.MarkRendered(key, rendered.Sha256, rendered.Width, rendered.Height, consents.Select(c => c.Id).ToList(),
                before.NeedsPatientApproval || after.NeedsPatientApproval, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEvent(AuditActions.CaseRendered, ResourceType: "case", ResourceId: @case.Id.ToString(),
                PatientId: @case.PatientId, Detail: $"{@case.Code} revision {@case.Revision} sha256:{rendered.Sha256}"), ct);
            log.LogInformation("Case {CaseId} rendered: revision {Revision}, {Width}x{Height}", @case.Id, @case.Revision,
                rendered.Width, rendered.Height);
        }
        catch (ArgumentException e)
        {
            await FailAsync(@case, $"The picture could not be drawn: {e.Message}", ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await FailAsync(@case, "Rendering took too long and was stopped; try a smaller crop or fewer blur spots.", ct);
        }
    }

    private async Task FailAsync(MarketingCase @case, string reason, CancellationToken ct)
    {
        @case.MarkFailed(reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        log.LogWarning("Case {CaseId} failed: {Reason}", @case.Id, reason);
    }
}
