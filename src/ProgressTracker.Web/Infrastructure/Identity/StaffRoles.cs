namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>Who must have a second factor when <see cref="AuthOptions.SecondFactorRequired"/> is on.</summary>
public static class StaffRoles
{
    public static readonly IReadOnlyList<string> All = [Roles.Admin, Roles.Clinician, Roles.Marketing];

    public static bool Includes(ClaimsPrincipal user) => All.Any(user.IsInRole);
}
