using ProgressTracker.Web.Features.Admin;

namespace ProgressTracker.Web.Features.PortalAccess;

public enum PortalAccessKind { None, Invited, Active, Revoked }

/// <summary>Where a patient stands with the portal: no access, an open invitation, an account, or a revoked one.</summary>
/// <remarks><see cref="Since"/> is when the patient accepted the invitation (null for an account made otherwise).</remarks>
public sealed record PortalAccessState(PortalAccessKind Kind, Invitation? OpenInvitation, AppUser? Account,
    DateTimeOffset? Since = null);

/// <summary>
/// The patient's portal account as staff manage it. Revoking deactivates the linked account (its cookies and tokens
/// stop within <c>Auth:AccountCheckInterval</c>) and keeps the link, so restoring gives the same account back.
/// </summary>
public sealed class PortalAccounts(AppDbContext db, Admin.Invitations invitations, AccountAdministration accounts,
    IAuditTrail audit)
{
    public async Task<PortalAccessState> StateAsync(Patient patient, CancellationToken ct)
    {
        if (patient.UserId is { } userId
            && await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) is { } account)
        {
            var accepted = await db.Invitations.AsNoTracking().Where(i => i.AcceptedUserId == userId)
                .Select(i => i.AcceptedAt).FirstOrDefaultAsync(ct);
            return new(account.IsActive ? PortalAccessKind.Active : PortalAccessKind.Revoked, null, account, accepted);
        }
        var open = await invitations.OpenForPatientAsync(patient.Id, ct);
        return new(open is null ? PortalAccessKind.None : PortalAccessKind.Invited, open, null);
    }

    public Task<Rejection?> RevokeAsync(Patient patient, ClaimsPrincipal staff, CancellationToken ct) =>
        ChangeAsync(patient, AuditActions.PortalAccessRevoked, id => accounts.DeactivateAsync(id, staff, ct), ct);

    /// <summary>
    /// Admins only: a clinician must not undo an admin's deactivation or an "account closed" decision on the
    /// patient's own deletion request.
    /// </summary>
    public Task<Rejection?> RestoreAsync(Patient patient, ClaimsPrincipal staff, CancellationToken ct) =>
        !staff.IsInRole(Roles.Admin)
            ? Task.FromResult<Rejection?>(Rejection.Forbidden("Only an admin can restore portal access (it may have " +
                "been ended by an admin or at the patient's request)."))
            : ChangeAsync(patient, AuditActions.PortalAccessRestored, id => accounts.ReactivateAsync(id, ct), ct);

    private async Task<Rejection?> ChangeAsync(Patient patient, string action, Func<string, Task<Rejection?>> change,
        CancellationToken ct)
    {
        if (patient.UserId is not { } userId)
            return Rejection.Conflict("This patient has no portal account yet; invite them first.", "No portal account");
        // Only a patient account is managed from a patient's record; a staff account linked by mistake is the
        // staff screen's business.
        var roles = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name).ToListAsync(ct);
        if (roles.Count != 1 || roles[0] != Roles.Patient)
            return Rejection.Conflict("The linked account is not a patient account; manage it on the staff screen.",
                "Not a patient account");
        if (await change(userId.ToString()) is { } refused) return refused;
        await audit.RecordAsync(new AuditEvent(action, ResourceType: "account", ResourceId: userId.ToString(),
            PatientId: patient.Id), ct);
        return null;
    }
}
