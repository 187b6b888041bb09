using System.Globalization;
using ProgressTracker.Web.Features.Consents;

namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// Takes a case out of use when a consent behind it ends: the case is withdrawn for good, it leaves every gallery
/// (its public image then answers 410 Gone), and every copy that already left the app goes on the takedown
/// checklist. Called at once when a patient withdraws (<see cref="IConsentEnded"/>), and by
/// <see cref="TakedownSweep"/> for expiries, which no request announces.
/// </summary>
public sealed class CaseWithdrawals(AppDbContext db, TimeProvider clock, IAuditTrail audit) : IConsentEnded
{
    public async Task<int> ConsentEndedAsync(Consent consent, CancellationToken ct)
    {
        var cases = await db.MarketingCases.Where(c => c.PatientId == consent.PatientId && c.Status != CaseStatus.Withdrawn)
            .ToListAsync(ct);
        var reason = consent.RevokedAt is not null ? "the patient withdrew their consent" : "the patient's consent ended";
        var count = 0;
        // Cases still rendering have no consents recorded yet: their job asks the catalog again and stops there.
        foreach (var c in cases.Where(c => c.ConsentIds.Contains(consent.Id)))
            if (await WithdrawAsync(c, reason, ct)) count++;
        return count;
    }

    /// <summary>Every live case whose consents no longer all hold today; returns how many were withdrawn.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var live = await db.MarketingCases.Where(c => c.Status != CaseStatus.Withdrawn && c.Status != CaseStatus.Rendering)
            .ToListAsync(ct);
        if (live.Count == 0) return 0;
        var ids = live.SelectMany(c => c.ConsentIds).Distinct().ToList();
        var consents = await db.Consents.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var count = 0;
        foreach (var c in live)
        {
            var ended = c.ConsentIds.Select(id => consents.GetValueOrDefault(id))
                .FirstOrDefault(consent => consent is null || consent.StatusOn(today) != ConsentStatus.Active);
            if (ended is null && c.ConsentIds.Count > 0) continue;
            var reason = ended?.StatusOn(today) switch
            {
                ConsentStatus.Expired => $"the patient's consent expired on {ended.ExpiresOn!.Value.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}",
                ConsentStatus.Revoked => "the patient withdrew their consent",
                _ => "no consent covers it any more",
            };
            if (await WithdrawAsync(c, reason, ct)) count++;
        }
        return count;
    }

    public async Task<bool> WithdrawAsync(MarketingCase @case, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!@case.Withdraw(reason, now)) return false;
        var items = await db.GalleryItems.Where(i => i.CaseId == @case.Id && i.RemovedAt == null).ToListAsync(ct);
        foreach (var item in items) item.Remove(reason, now);
        var copies = await db.CaseCopies.Where(c => c.CaseId == @case.Id).ToListAsync(ct);
        // A publication is taken down by the app itself (the item left the page above); a download is not.
        foreach (var copy in copies)
            if (copy.Kind == CaseCopyKind.Publication) copy.RemovedByTheApp(now);
            else copy.RequestTakedown(now);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.CaseWithdrawn, ResourceType: "case", ResourceId: @case.Id.ToString(),
            PatientId: @case.PatientId, Detail: $"{@case.Code}: {reason}; {items.Count} gallery item(s) removed, {copies.Count} copy(ies) to take down"), ct);
        return true;
    }
}
