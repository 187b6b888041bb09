using System.Security.Cryptography;

namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// Makes and changes cases, and records the patient's word on the exact picture. A case can only be made from two
/// photos the <see cref="MarketingCatalog"/> offers today — one patient, one view, before earlier than after — and
/// a consent that keeps identifiable features out rules out an uncropped picture.
/// </summary>
public sealed class MarketingCases(AppDbContext db, MarketingCatalog catalog, MarketingPhotoRefs refs, JobQueue queue,
    TimeProvider clock, IAuditTrail audit)
{
    public async Task<Result<MarketingCase>> CreateAsync(CaseRequest request, Guid? userId, CancellationToken ct)
    {
        if (CaseRequestRules.Check(request).Failed(out var invalid, out var spec)) return invalid;
        if ((await PairAsync(request, ct)).Failed(out var badPair, out var pair)) return badPair;
        if (IdentifiabilityProblem(spec, pair.Before, pair.After) is { } identifiable) return identifiable;

        var @case = new MarketingCase
        {
            PatientId = pair.Before.Photo.PatientId, Code = NewCode(), BeforePhotoId = pair.Before.Photo.Id,
            AfterPhotoId = pair.After.Photo.Id, View = pair.After.Photo.View, CreatedBy = userId, CreatedAt = clock.GetUtcNow(),
        };
        @case.SetRequest(spec.Crop, spec.Box, spec.Blur, spec.Caption, spec.Watermark);
        @case.MarkQueued(clock.GetUtcNow());
        db.MarketingCases.Add(@case);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.CaseCreated, ResourceType: "case", ResourceId: @case.Id.ToString(),
            PatientId: @case.PatientId, Detail: @case.Code), ct);
        RenderCaseJob.Enqueue(queue, @case.Id);
        return @case;
    }

    /// <summary>A new crop, blur, caption or watermark: a new revision, rendered again, and approved again if asked.</summary>
    public async Task<Result<MarketingCase>> EditAsync(MarketingCase @case, CaseRequest request, CancellationToken ct)
    {
        if (@case.IsWithdrawn)
            return Rejection.Gone($"Case {@case.Code} was withdrawn ({@case.WithdrawnReason}); it can no longer be changed.", "Case withdrawn");
        if (CaseRequestRules.Check(request).Failed(out var invalid, out var spec)) return invalid;
        var before = await catalog.FindAsync(@case.BeforePhotoId, ct);
        var after = await catalog.FindAsync(@case.AfterPhotoId, ct);
        if (before is null || after is null)
            return Rejection.Conflict("The photos of this case are no longer covered by an active consent.", "Consent no longer holds");
        if (IdentifiabilityProblem(spec, before, after) is { } identifiable) return identifiable;
        @case.Edit(spec.Crop, spec.Box, spec.Blur, spec.Caption, spec.Watermark, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.CaseChanged, ResourceType: "case", ResourceId: @case.Id.ToString(),
            PatientId: @case.PatientId, Detail: $"{@case.Code} revision {@case.Revision}"), ct);
        RenderCaseJob.Enqueue(queue, @case.Id);
        return @case;
    }

    /// <summary>The patient approves the picture they saw (named by its SHA-256), or declines it.</summary>
    public async Task<Result<MarketingCase>> ReviewAsync(MarketingCase @case, bool approve, string? sha256, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (approve && !@case.Approve(sha256 ?? "", now))
            return @case.Status == CaseStatus.AwaitingPatient
                ? Rejection.Conflict("The picture changed since you saw it; look at the new picture and approve that one.", "Picture changed")
                : Rejection.Conflict("This picture is not waiting for your approval.", "Nothing to approve");
        if (!approve && !@case.Decline(now))
            return Rejection.Conflict("This picture is not waiting for your approval.", "Nothing to decline");
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(approve ? AuditActions.CaseApprovedByPatient : AuditActions.CaseDeclinedByPatient,
            ResourceType: "case", ResourceId: @case.Id.ToString(), PatientId: @case.PatientId,
            Detail: $"{@case.Code} sha256:{@case.ImageSha256}"), ct);
        return @case;
    }

    private sealed record Pair(MarketingPhoto Before, MarketingPhoto After);

    private async Task<Result<Pair>> PairAsync(CaseRequest request, CancellationToken ct)
    {
        // An unknown, forged or no-longer-covered reference all read the same: marketing learns nothing from the difference.
        const string unavailable = "is not one of the photos marketing may use; choose from the consented photos list.";
        var before = refs.Resolve(request.BeforePhotoId) is { } b ? await catalog.FindAsync(b, ct) : null;
        if (before is null) return Rejection.Invalid($"The before photo {unavailable}", "Photo not available");
        var after = refs.Resolve(request.AfterPhotoId) is { } a ? await catalog.FindAsync(a, ct) : null;
        if (after is null) return Rejection.Invalid($"The after photo {unavailable}", "Photo not available");
        if (before.Photo.PatientId != after.Photo.PatientId || before.Photo.View != after.Photo.View)
            return Rejection.Invalid("Before and after must be the same view of the same series.", "Photos do not pair");
        if (before.Date >= after.Date)
            return Rejection.Invalid("The before photo must be from an earlier visit than the after photo.", "Photos do not pair");
        return new Pair(before, after);
    }

    private static Rejection? IdentifiabilityProblem(CaseSpec spec, MarketingPhoto before, MarketingPhoto after) =>
        spec.Crop == CaseCropKind.None && !(before.Identifiable && after.Identifiable)
            ? Rejection.Invalid("The patient's consent does not allow identifiable features: crop to the hip region or a box.",
                "Crop required")
            : null;

    /// <summary>"C-" and six characters without look-alikes (no 0/O, 1/I): short enough to read off a picture.</summary>
    private static string NewCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "C-" + string.Concat(Enumerable.Range(0, 6).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]));
    }
}
