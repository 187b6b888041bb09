using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Features.Admin;

/// <summary>
/// Staff invitations: an admin names an email and a role and gets a one-time link. Re-inviting an address
/// withdraws its open invitation, so only the newest link works. Patient accounts are invited from the patient's
/// record (<see cref="CreateForPatientAsync"/>), so the account is linked to it.
/// </summary>
public sealed class Invitations(AppDbContext db, UserManager<AppUser> users, InvitationOptions options,
    TimeProvider clock, IAuditTrail audit)
{
    public sealed record Created(Invitation Invitation, string Token);

    public async Task<Result<Created>> CreateAsync(InviteRequest request, Guid? invitedBy, CancellationToken ct)
    {
        if (ValidEmail(request.Email).Failed(out var invalid, out var email)) return invalid;
        var role = Roles.Normalize(request.Role);
        if (role is null)
            return Rejection.Invalid($"Use one of the roles {string.Join(", ", Roles.All)}.", "Unknown role");
        if (role == Roles.Patient)
            return Rejection.Invalid("Patient accounts are invited from the patient's record, which links the " +
                                     "account to it.", "Patients are invited from their record");
        if (await users.FindByEmailAsync(email) is not null)
            return Rejection.Conflict($"An account with the email {email} already exists.", "Account exists");
        return await IssueAsync(email, role, null, invitedBy, ct);
    }

    /// <summary>
    /// A portal invitation for the patient's record: the account made from it is linked to the record. It replaces
    /// the patient's earlier open invitation; a record that already has an account is refused (409).
    /// </summary>
    public async Task<Result<Created>> CreateForPatientAsync(Patient patient, string? rawEmail, Guid? invitedBy,
        CancellationToken ct)
    {
        if (ValidEmail(rawEmail).Failed(out var invalid, out var email)) return invalid;
        if (patient.UserId is not null)
            return Rejection.Conflict("This patient already has a portal account. Restore it on the patient's " +
                                      "portal page if it was revoked; a second account cannot be linked.",
                "Patient already has portal access");
        if (await users.FindByEmailAsync(email) is not null)
            return Rejection.Conflict($"An account with the email {email} already exists; use another address " +
                                      "for the patient's portal account.", "Account exists");
        await WithdrawOpenAsync(i => i.PatientId == patient.Id, clock.GetUtcNow(), ct);
        return await IssueAsync(email, Roles.Patient, patient.Id, invitedBy, ct);
    }

    /// <summary>The patient's open invitation (there is at most one), or null.</summary>
    public Task<Invitation?> OpenForPatientAsync(Guid patientId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Invitations.AsNoTracking()
            .Where(i => i.PatientId == patientId && i.AcceptedAt == null && i.WithdrawnAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>The one place an invitation is made: re-inviting an address withdraws its open invitation.</summary>
    private async Task<Result<Created>> IssueAsync(string email, string role, Guid? patientId, Guid? invitedBy,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lower = email.ToLowerInvariant();
        await WithdrawOpenAsync(i => i.Email.ToLower() == lower, now, ct);
        var token = SecretTokens.New();
        var invitation = new Invitation
        {
            Email = email, Role = role, TokenHash = SecretTokens.Hash(token), InvitedBy = invitedBy,
            PatientId = patientId, CreatedAt = now, ExpiresAt = now + options.Lifetime,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.AccountInvited, ResourceType: "invitation",
            ResourceId: invitation.Id.ToString(), PatientId: patientId, Detail: role), ct);
        return new Created(invitation, token);
    }

    private static Result<string> ValidEmail(string? raw)
    {
        var email = raw?.Trim() ?? "";
        return email.Length is < 3 or > 256 || !email.Contains('@') || email.Any(char.IsWhiteSpace)
            ? Rejection.Invalid($"'{email}' is not an email address.", "Invalid email")
            : email;
    }

    public async Task<IReadOnlyList<Invitation>> ListOpenAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.WithdrawnAt == null && i.ExpiresAt > now && i.PatientId == null)
            .OrderByDescending(i => i.CreatedAt).ToListAsync(ct);
    }

    /// <summary>Withdraws an open invitation; one that is already used, expired or withdrawn is not found.</summary>
    /// <remarks>With <paramref name="patientId"/>, only that patient's invitation is found.</remarks>
    public async Task<Rejection?> WithdrawAsync(string rawId, CancellationToken ct, Guid? patientId = null)
    {
        if (!Guid.TryParse(rawId, out var id)) return Rejection.InvalidId("invitation", rawId);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, ct);
        var now = clock.GetUtcNow();
        if (invitation is null || !invitation.IsOpen(now) || (patientId is { } p && invitation.PatientId != p))
            return Rejection.NotFound("open invitation", rawId);
        invitation.WithdrawnAt = now;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.InvitationWithdrawn, ResourceType: "invitation",
            ResourceId: invitation.Id.ToString(), PatientId: invitation.PatientId), ct);
        return null;
    }

    public string LinkFor(string token, HttpRequest request)
    {
        var root = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.PublicBaseUrl.TrimEnd('/');
        return $"{root}/invite/{token}";
    }

    private async Task WithdrawOpenAsync(System.Linq.Expressions.Expression<Func<Invitation, bool>> which,
        DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.Invitations.Where(which)
            .Where(i => i.AcceptedAt == null && i.WithdrawnAt == null && i.ExpiresAt > now)
            .ToListAsync(ct);
        foreach (var earlier in open)
        {
            earlier.WithdrawnAt = now;
            await audit.RecordAsync(new AuditEvent(AuditActions.InvitationWithdrawn, ResourceType: "invitation",
                ResourceId: earlier.Id.ToString(), PatientId: earlier.PatientId, Detail: "replaced"), ct);
        }
    }
}
