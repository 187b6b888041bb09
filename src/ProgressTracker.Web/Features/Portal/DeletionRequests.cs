using ProgressTracker.Web.Features.Admin;

namespace ProgressTracker.Web.Features.Portal;

/// <summary>
/// A patient asks to delete their account; staff decide under the clinic's retention rules. Nothing is deleted
/// here: "account closed" deactivates the portal account (the records stay), "declined" changes nothing. Both
/// the request and the decision, with its reason, are audited.
/// </summary>
public sealed class DeletionRequests(AppDbContext db, AccountAdministration accounts, TimeProvider clock,
    IAuditTrail audit)
{
    /// <summary>The patient's open request, or a new one; asking twice does not make two.</summary>
    public async Task<DeletionRequest> RequestAsync(Guid patientId, Guid requestedBy, string? message,
        CancellationToken ct)
    {
        var open = await db.DeletionRequests.FirstOrDefaultAsync(
            r => r.PatientId == patientId && r.Status == DeletionRequestStatus.Open, ct);
        if (open is not null) return open;
        var trimmed = message?.Trim() ?? "";
        var text = trimmed.Length == 0 ? null : trimmed[..Math.Min(trimmed.Length, 2000)];
        var request = new DeletionRequest
        {
            PatientId = patientId, RequestedBy = requestedBy, RequestedAt = clock.GetUtcNow(), Message = text,
        };
        db.DeletionRequests.Add(request);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.DeletionRequested, ResourceType: "deletion-request",
            ResourceId: request.Id.ToString(), PatientId: patientId), ct);
        return request;
    }

    /// <summary>Every request of the patient, newest first.</summary>
    public async Task<IReadOnlyList<DeletionRequest>> OfPatientAsync(Guid patientId, CancellationToken ct) =>
        (await db.DeletionRequests.AsNoTracking().Where(r => r.PatientId == patientId).ToListAsync(ct))
        .OrderByDescending(r => r.RequestedAt).ToList();

    /// <summary>Records the clinic's decision. A reason is required: the patient is told what was decided and why.</summary>
    public async Task<Rejection?> DecideAsync(Patient patient, string rawRequestId, string? outcome, string? reason,
        ClaimsPrincipal staff, CancellationToken ct)
    {
        if (!Guid.TryParse(rawRequestId, out var id)) return Rejection.InvalidId("deletion request", rawRequestId);
        var request = await db.DeletionRequests.FirstOrDefaultAsync(r => r.Id == id && r.PatientId == patient.Id, ct);
        if (request is null || !request.IsOpen) return Rejection.NotFound("open deletion request", rawRequestId);
        var decision = outcome?.Trim().ToLowerInvariant() switch
        {
            "account-closed" => DeletionRequestStatus.AccountClosed,
            "declined" => DeletionRequestStatus.Declined,
            _ => (DeletionRequestStatus?)null,
        };
        if (decision is not { } decided)
            return Rejection.Invalid("Choose account-closed or declined.", "Unknown decision");
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 2000)
            return Rejection.Invalid("Give the reason for the decision (at most 2000 characters); the patient sees it.",
                "Reason missing");

        if (decided == DeletionRequestStatus.AccountClosed && patient.UserId is { } account
            && await accounts.DeactivateAsync(account.ToString(), staff, ct) is { } refused)
            return refused;
        request.Decide(decided, reason.Trim(), CurrentUser.Id(staff), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.DeletionDecided, ResourceType: "deletion-request",
            ResourceId: request.Id.ToString(), PatientId: patient.Id, Detail: EnumNames.ToKebab(decided)), ct);
        return null;
    }
}
