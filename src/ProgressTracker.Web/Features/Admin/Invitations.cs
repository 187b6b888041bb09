using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Features.Admin;

/// <summary>
/// Staff invitations: an admin names an email and a role and gets a one-time link. Re-inviting an address
/// withdraws its open invitation, so only the newest link works. Patient accounts are invited from the patient's
/// record instead (the link must name that record).
/// </summary>
public sealed class Invitations(AppDbContext db, UserManager<AppUser> users, InvitationOptions options,
    TimeProvider clock, IAuditTrail audit)
{
    public sealed record Created(Invitation Invitation, string Token);

    public async Task<Result<Created>> CreateAsync(InviteRequest request, Guid? invitedBy, CancellationToken ct)
    {
        var email = request.Email?.Trim() ?? "";
        if (email.Length is < 3 or > 256 || !email.Contains('@') || email.Any(char.IsWhiteSpace))
            return Rejection.Invalid($"'{email}' is not an email address.", "Invalid email");
        var role = Roles.Normalize(request.Role);
        if (role is null)
            return Rejection.Invalid($"Use one of the roles {string.Join(", ", Roles.All)}.", "Unknown role");
        if (role == Roles.Patient)
            return Rejection.Invalid("Patient accounts are invited from the patient's record, which links the " +
                                     "account to it.", "Patients are invited from their record");
        if (await users.FindByEmailAsync(email) is not null)
            return Rejection.Conflict($"An account with the email {email} already exists.", "Account exists");

        var now = clock.GetUtcNow();
        await WithdrawOpenAsync(email, now, ct);
        var token = SecretTokens.New();
        var invitation = new Invitation
        {
            Email = email, Role = role, TokenHash = SecretTokens.Hash(token), InvitedBy = invitedBy,
            CreatedAt = now, ExpiresAt = now + options.Lifetime,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.AccountInvited, ResourceType: "invitation",
            ResourceId: invitation.Id.ToString(), Detail: role), ct);
        return new Created(invitation, token);
    }

    public async Task<IReadOnlyList<Invitation>> ListOpenAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.WithdrawnAt == null && i.ExpiresAt > now && i.PatientId == null)
            .OrderByDescending(i => i.CreatedAt).ToListAsync(ct);
    }

    /// <summary>Withdraws an open invitation; one that is already used, expired or withdrawn is not found.</summary>
    public async Task<Rejection?> WithdrawAsync(string rawId, CancellationToken ct)
    {
        if (!Guid.TryParse(rawId, out var id)) return Rejection.InvalidId("invitation", rawId);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, ct);
        var now = clock.GetUtcNow();
        if (invitation is null || !invitation.IsOpen(now)) return Rejection.NotFound("open invitation", rawId);
        invitation.WithdrawnAt = now;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.InvitationWithdrawn, ResourceType: "invitation",
            ResourceId: invitation.Id.ToString()), ct);
        return null;
    }

    public string LinkFor(string token, HttpRequest request)
    {
        var root = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.PublicBaseUrl.TrimEnd('/');
        return $"{root}/invite/{token}";
    }

    private async Task WithdrawOpenAsync(string email, DateTimeOffset now, CancellationToken ct)
    {
        var lower = email.ToLowerInvariant();
        var open = await db.Invitations
            .Where(i => i.Email.ToLower() == lower && i.AcceptedAt == null && i.WithdrawnAt == null && i.ExpiresAt > now)
            .ToListAsync(ct);
        foreach (var earlier in open)
        {
            earlier.WithdrawnAt = now;
            await audit.RecordAsync(new AuditEvent(AuditActions.InvitationWithdrawn, ResourceType: "invitation",
                ResourceId: earlier.Id.ToString(), Detail: "replaced"), ct);
        }
    }
}
