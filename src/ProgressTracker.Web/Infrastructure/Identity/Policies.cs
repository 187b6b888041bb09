using Microsoft.AspNetCore.Authorization;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>Every policy name in one place.</summary>
public static class Policies
{
    /// <summary>Clinic staff who document treatments: clinicians and admins.</summary>
    public const string Staff = nameof(Staff);
    /// <summary>Anyone signed in (patients are then limited to their own records by resource checks).</summary>
    public const string SignedIn = nameof(SignedIn);
    /// <summary>Staff administration, the audit trail and the jobs dashboard.</summary>
    public const string Admin = nameof(Admin);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.Clinician, Roles.Admin));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
    }
}
