using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Features.Admin;

/// <summary>
/// Turns an invitation link into an account: the holder of the token sets a password and gets the invited role.
/// The invitation is claimed with one conditional update before the account is made, so two requests with the
/// same link cannot both create one; a refused password releases the claim again.
/// </summary>
public sealed class InvitationAcceptance(AppDbContext db, UserManager<AppUser> users, UserAccounts accounts,
    TimeProvider clock, IAuditTrail audit)
{
    /// <summary>The open invitation behind a token, or why the link no longer works (410).</summary>
    public async Task<Result<Invitation>> FindOpenAsync(string? token, CancellationToken ct)
    {
        var invitation = SecretTokens.LooksValid(token)
            ? await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == SecretTokens.Hash(token!), ct)
            : null;
        var now = clock.GetUtcNow();
        if (invitation is null)
            return Rejection.Gone("This invitation link is not valid. Check that the whole link was copied, or ask " +
                                  "your clinic for a new one.", "Invitation link not valid");
        if (invitation.AcceptedAt is not null)
            return Rejection.Gone("This invitation has already been used to set up an account. Sign in with " +
                                  "that account, or ask your clinic for a new invitation.", "Invitation already used");
        if (invitation.WithdrawnAt is not null)
            return Rejection.Gone("This invitation was withdrawn, or replaced by a newer one. Use the newest link " +
                                  "you received, or ask your clinic for a new one.", "Invitation withdrawn");
        if (!invitation.IsOpen(now))
            return Rejection.Gone("This invitation has expired. Ask your clinic for a new one.", "Invitation expired");
        return invitation;
    }

    public async Task<Result<AcceptedInvitation>> AcceptAsync(AcceptInvitationRequest request, CancellationToken ct)
    {
        if ((await FindOpenAsync(request.Token, ct)).Failed(out var gone, out var invitation)) return gone;
        if (string.IsNullOrEmpty(request.Password))
            return Rejection.Invalid("Choose a password for the new account.", "Password missing");
        if (await PasswordProblemAsync(invitation, request.Password) is { } weak) return weak;
        if (await users.FindByEmailAsync(invitation.Email) is not null)
            return Rejection.Conflict($"An account with the email {invitation.Email} already exists; sign in with it.",
                "Account exists");
        if (invitation.PatientId is { } linkedTo && await db.Patients.AnyAsync(p => p.Id == linkedTo && p.UserId != null, ct))
            return AlreadyLinked();

        var now = clock.GetUtcNow();
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.WithdrawnAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), ct);
        if (claimed == 0) return (await FindOpenAsync(request.Token, ct)).Failed(out var late, out _) ? late : Taken();

        var (user, error) = await accounts.AddAsync(invitation.Email, invitation.Role, request.Password, ct);
        if (user is null)
        {
            await db.Invitations.Where(i => i.Id == invitation.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, (DateTimeOffset?)null), ct);
            return Rejection.Invalid(error ?? "The account could not be created.", "Account not created");
        }
        await db.Invitations.Where(i => i.Id == invitation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedUserId, user.Id), ct);
        if (invitation.PatientId is { } patientId)
        {
            // Only a record without an account is linked: a second open link (two invitations raced, or one made
            // before a revocation) must not hand the record to a new account behind the clinic's back.
            var linked = await db.Patients.Where(p => p.Id == patientId && p.UserId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.UserId, user.Id), ct);
            if (linked == 0)
            {
                await users.DeleteAsync(user);
                return AlreadyLinked();
            }
            var now2 = clock.GetUtcNow();
            await db.Invitations
                .Where(i => i.PatientId == patientId && i.Id != invitation.Id && i.AcceptedAt == null && i.WithdrawnAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.WithdrawnAt, now2), ct);
        }
        await audit.RecordAsync(new AuditEvent(AuditActions.InvitationAccepted, ResourceType: "account",
            ResourceId: user.Id.ToString(), PatientId: invitation.PatientId, Detail: invitation.Id.ToString(),
            ActorId: user.Id, ActorRole: invitation.Role), ct);
        return new AcceptedInvitation(invitation.Email);
    }

    /// <summary>Identity's own password rules, checked before the invitation is claimed.</summary>
    private async Task<Rejection?> PasswordProblemAsync(Invitation invitation, string password)
    {
        var candidate = new AppUser { UserName = invitation.Email, Email = invitation.Email };
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, password);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }
        return problems.Count == 0 ? null : Rejection.Invalid(string.Join(" ", problems), "Password too weak");
    }

    private static Rejection AlreadyLinked() =>
        Rejection.Gone("This patient record already has a portal account, so this invitation can no longer be used. " +
                       "Ask your clinic if you need access.", "Invitation no longer valid");

    private static Rejection Taken() =>
        Rejection.Gone("This invitation has just been used.", "Invitation already used");
}
