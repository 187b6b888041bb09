using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ProgressTracker.Web.Features.Access;

/// <summary>
/// Adds the linked patient record to a patient account's principal, so every rule about "their own records" is a
/// comparison of ids, with no database read per check. The principal is rebuilt whenever the security stamp is
/// revalidated, so a new link shows up without signing in again.
/// </summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!identity.HasClaim(ClaimTypes.Role, Roles.Patient)) return identity;
        var patientId = await db.Patients.AsNoTracking().Where(p => p.UserId == user.Id)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        if (patientId is { } id) identity.AddClaim(new Claim(AppClaimTypes.PatientId, id.ToString()));
        return identity;
    }
}
